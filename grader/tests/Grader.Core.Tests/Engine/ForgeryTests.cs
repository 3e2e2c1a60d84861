using System.Collections.Concurrent;
using System.Collections.Immutable;
using Grader.Core.Engine;
using Grader.Core.Processes;
using Grader.Core.Results;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Engine;

/// <summary>
/// The forgery cases of the hostile gallery (Fixtures/forgery): each is wrong code that also attacks the probe from
/// inside its process (the clock found through gc, the records through the frames, the probe's modules through
/// sys.modules, builtins.type, json.dumps) on top of its honest twin, the same wrong code without the attack. The
/// attack must gain nothing: every behaviour check the twin does not pass, it does not pass either, and its behaviour
/// points are at most the twin's (an attack may cost more: code that moves its own clock misleads its own
/// measure_time). And it must have run: it prints a "forgery:" line once it has found and changed what it went for,
/// so a case whose attack no longer reaches anything fails instead of passing.
/// </summary>
[Collection(GradingCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ForgeryTests(GradingFixture fixture) : IDisposable
{
    private const string Marker = "forgery: ";

    private readonly string work = Directory.CreateTempSubdirectory("grader-forgery-").FullName;

    public static TheoryData<string> Cases() => [.. CaseNames()];

    private static string Fixtures => Path.Combine(RepositoryPaths.Root, "grader", "tests", "Grader.Core.Tests", "Fixtures");

    private static string Forgeries => Path.Combine(Fixtures, "forgery");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_forgery_gains_nothing_over_the_same_wrong_code_without_it(string name)
    {
        var honest = await GradeAsync(name, "honest");
        var attack = await GradeAsync(name, "attack");

        Assert.NotEmpty(honest.Problems);
        Assert.Contains(attack.Output, text => text.Contains(Marker, StringComparison.Ordinal));
        Assert.DoesNotContain(honest.Output, text => text.Contains(Marker, StringComparison.Ordinal));
        Assert.Subset(attack.Problems, honest.Problems);
        Assert.InRange(attack.Points, 0, honest.Points);
    }

    [Fact]
    public void The_gallery_has_a_case_for_each_class_of_attack_inside_the_python_child() =>
        Assert.Equal(["builtins-type", "clock-through-gc", "json-dumps", "observation-through-frames", "probe-modules"], CaseNames());

    private static List<string> CaseNames() => [.. Directory.EnumerateDirectories(Forgeries).Select(folder => Path.GetFileName(folder)!).Order(StringComparer.Ordinal)];

    // The twin is the reference solution with the files of the folder twin.txt names (a gallery case, or a twin of
    // Fixtures/forgery-twins); the attack is the twin with the files of attack/ on top.
    private async Task<Graded> GradeAsync(string name, string side)
    {
        var folder = Path.Combine(work, name, side);
        Copy(RepositoryPaths.ReferenceSolution, folder);
        var twin = File.ReadAllText(Path.Combine(Forgeries, name, "twin.txt")).Trim();
        Copy(Path.Combine(Fixtures, twin), folder);
        if (side == "attack")
        {
            Copy(Path.Combine(Forgeries, name, "attack"), folder);
        }

        var recorder = new OutputRecorder(fixture.Runner);
        var result = await fixture.GradeAsync(folder, GradingOptions.Default with { Seed = 20261203 }, runner: recorder, tasksTogether: false);
        var behaviour = result.Tasks.SelectMany(task => task.Checks.Where(check => check.Category == Category.Behaviour).Select(check => (task.Task, Check: check))).ToList();
        var problems = behaviour.Where(entry => entry.Check.Status != CheckStatus.Passed)
            .Select(entry => $"{entry.Task}:{entry.Check.Id}")
            .ToImmutableSortedSet(StringComparer.Ordinal);
        return new Graded(problems, behaviour.Sum(entry => entry.Check.Points), [.. recorder.Errors]);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target, overwrite: true);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    private sealed record Graded(ImmutableSortedSet<string> Problems, double Points, ImmutableArray<string> Output);

    /// <summary>Keeps what every child wrote to stderr, where the student's code prints in a probe run of its own.</summary>
    private sealed class OutputRecorder(IProcessRunner inner) : IProcessRunner
    {
        public ConcurrentQueue<string> Errors { get; } = new();

        public async Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
        {
            var outcome = await inner.RunAsync(request, cancellationToken).ConfigureAwait(false);
            Errors.Enqueue(outcome.StandardError.Text);
            return outcome;
        }
    }
}
