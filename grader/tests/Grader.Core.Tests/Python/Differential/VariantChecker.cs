using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Core.Submissions;
using Grader.Core.Tests.Support;
using Grader.Python.Behaviour;
using Grader.Python.Tools;

namespace Grader.Core.Tests.Python.Differential;

/// <summary>
/// Gets the grader's observations of a variant (the probe with the real supervisor, all tasks in one process as the
/// CLI runs them, the tasks that did not complete there alone), replays them, and compares; a variant whose real run
/// disagrees is replayed once more before its disagreements count, since real sleeps depend on the machine's load.
/// </summary>
internal sealed class VariantChecker(GradingFixture fixture, RealAsyncioReplay replay, ImmutableArray<PythonInterpreter> interpreters, ScratchSpace scratch) : IDisposable
{
    private static readonly ImmutableArray<int> AllTasks = [0, 1, 2, 3, 4];

    private readonly SemaphoreSlim probes = new(Math.Max(1, Environment.ProcessorCount));

    public async Task<VariantOutcome> CheckAsync(DifferentialVariant variant)
    {
        var compared = 0;
        var skipped = ImmutableArray.CreateBuilder<string>();
        var disagreements = ImmutableArray.CreateBuilder<Disagreement>();
        var inconclusive = ImmutableArray.CreateBuilder<Disagreement>();
        var retried = ImmutableArray.CreateBuilder<string>();
        var notes = ImmutableArray.CreateBuilder<string>();
        foreach (var python in interpreters)
        {
            var version = python.Version.ToString(2);
            var runs = await ObserveAsync(python, variant);
            var file = Path.Combine(scratch.NewFolder($"observed-{variant.Id}-{version}"), "observations.json");
            await File.WriteAllBytesAsync(file, ObservationsJson(python, variant, runs));
            var comparison = await ReplayAndCompareAsync(python, variant, runs, file);
            if (comparison.Disagreements.Any(disagreement => disagreement.What != FidelityComparison.Unfinished))
            {
                var first = string.Join(", ", comparison.Disagreements.Take(3).Select(item => $"{item.Task}:{item.Scenario} {item.What}"));
                retried.Add($"{version}: {comparison.Disagreements.Length} disagreement(s) on the first real run ({first})");
                comparison = await ReplayAndCompareAsync(python, variant, runs, file);
            }

            compared += comparison.Compared;
            skipped.AddRange(comparison.Skipped.Select(reason => $"{version} {reason}"));
            disagreements.AddRange(comparison.Disagreements);
            inconclusive.AddRange(comparison.Inconclusive);
            notes.AddRange(comparison.Notes.Select(note => $"{version} {note}"));
        }

        return new VariantOutcome(variant, compared, skipped.ToImmutable(), disagreements.ToImmutable(), inconclusive.ToImmutable(), retried.ToImmutable(), notes.ToImmutable());
    }

    public void Dispose() => probes.Dispose();

    private async Task<FidelityComparison> ReplayAndCompareAsync(PythonInterpreter python, DifferentialVariant variant, IReadOnlyDictionary<int, ProbeRun> runs, string file)
    {
        var (answer, error) = await replay.RunAsync(python, variant.Folder, file);
        if (Environment.GetEnvironmentVariable("GRADER_DIFFERENTIAL_KEEP") is { Length: > 0 } keep)
        {
            // For a look at one disagreement: what the grader observed and what the real run gave.
            var name = $"{variant.Id}-{python.Version.ToString(2)}";
            Directory.CreateDirectory(keep);
            File.Copy(file, Path.Combine(keep, name + ".observed.json"), overwrite: true);
            await File.WriteAllTextAsync(Path.Combine(keep, name + ".real.json"), answer?.GetRawText() ?? error);
        }

        return FidelityComparison.Of(variant, python.Version.ToString(2), runs, answer, error);
    }

    private async Task<IReadOnlyDictionary<int, ProbeRun>> ObserveAsync(PythonInterpreter python, DifferentialVariant variant)
    {
        await probes.WaitAsync();
        try
        {
            using var probeScratch = ScratchSpace.Create();
            var script = Path.Combine(fixture.Assignment.Directory, ProbeEvidenceSource.ProbeScript);
            var submission = SubmissionLoader.Load(variant.Folder);
            var options = GradingOptions.Default with { Seed = variant.Seed };
            var runner = new ProbeRunner(fixture.Runner);
            var runs = (await runner.RunTogetherAsync(python, script, submission, [.. AllTasks], options, probeScratch, CancellationToken.None))
                .ToDictionary(run => run.Task);
            foreach (var task in AllTasks.Where(task => !runs.ContainsKey(task)))
            {
                runs[task] = await runner.RunAsync(python, script, submission, task, options, probeScratch, CancellationToken.None);
            }

            return runs;
        }
        finally
        {
            probes.Release();
        }
    }

    private static byte[] ObservationsJson(PythonInterpreter python, DifferentialVariant variant, IReadOnlyDictionary<int, ProbeRun> runs)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("python", python.Version.ToString(3));
            json.WriteNumber("seed", variant.Seed);
            json.WriteStartObject("tasks");
            foreach (var (task, run) in runs.OrderBy(pair => pair.Key))
            {
                json.WriteStartObject(task.ToString(CultureInfo.InvariantCulture));
                json.WriteBoolean("finished", run.Finished);
                json.WriteStartObject("observations");
                foreach (var (scenario, observation) in run.Observations)
                {
                    json.WritePropertyName(scenario);
                    observation.WriteTo(json);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
