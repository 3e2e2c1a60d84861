using System.Collections.Immutable;
using Grader.Core.Assignment;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.CSharp.Evidence;
using Microsoft.CodeAnalysis;

namespace Grader.CSharp.Behaviour;

/// <summary>
/// Runs the behaviour harness once per selected task whose file exists, a few at a time. When the whole project
/// compiles, one harness build serves every task; otherwise each task gets a build of its own file, the files of
/// the tasks it uses and the helper files, so one broken task file does not stop the others being run.
/// </summary>
public sealed class HarnessEvidenceSource(HarnessBuilder builder, HarnessRunner runner, int parallelism) : ICSharpEvidenceSource
{
    public string Key => HarnessEvidence.Key;

    public async Task<object> CollectAsync(CSharpEvidence compiled, EvidenceRequest request, CancellationToken cancellationToken)
    {
        var assignment = request.Assignment;
        var options = request.Options;
        var spied = assignment.Tasks.SelectMany(task => task.Functions).Select(function => function.Name).ToImmutableHashSet(StringComparer.Ordinal);
        var taskFiles = assignment.Tasks.Select(task => task.File).ToHashSet(StringComparer.Ordinal);
        var helpers = compiled.Trees.Keys.Where(path => !taskFiles.Contains(path)).ToList();
        // A project whose references did not resolve is not run: its behaviour checks are skipped behind CS-FILE-006.
        var selected = assignment.Tasks.Where(task => compiled.Load.Usable && options.Includes(task.Number) && compiled.TreeOf(task.File) is not null).ToList();
        var compilesWhole = !compiled.Diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);

        var builds = new Dictionary<int, (string Folder, string? Failure)>();
        (string, string?)? whole = null;
        foreach (var task in selected)
        {
            if (compilesWhole)
            {
                whole ??= Build(compiled, compiled.Trees.Keys, spied, request.Scratch.NewFolder("harness-all"));
                builds[task.Number] = whole.Value;
            }
            else
            {
                var files = FilesOf(assignment, task).Where(file => compiled.TreeOf(file) is not null).Concat(helpers);
                builds[task.Number] = Build(compiled, files, spied, request.Scratch.NewFolder($"harness-{task.Number}"));
            }
        }

        using var gate = new SemaphoreSlim(Math.Max(1, parallelism));
        var runs = await Task.WhenAll(selected.Select(async task =>
        {
            var (folder, failure) = builds[task.Number];
            if (failure is not null)
            {
                return new HarnessRun(task.Number, ImmutableSortedDictionary<string, System.Text.Json.JsonElement>.Empty, false, ProcessOutcome.NotStarted(failure), failure);
            }

            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await runner.RunAsync(folder, request.Submission, task.Number, options, request.Scratch.NewFolder($"run-{task.Number}"), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return new HarnessEvidence(runs.ToImmutableSortedDictionary(run => run.Task, run => run), options.Seed);
    }

    private (string Folder, string? Failure) Build(CSharpEvidence compiled, IEnumerable<string> files, ImmutableHashSet<string> spied, string folder) =>
        (folder, builder.Build(compiled, files, spied, folder));

    // The task's file and the files of every task it depends on.
    private static IEnumerable<string> FilesOf(AssignmentSpec assignment, TaskSpec task) =>
        task.DependsOn.Select(number => assignment.Tasks.First(other => other.Number == number).File).Append(task.File).Distinct(StringComparer.Ordinal);
}
