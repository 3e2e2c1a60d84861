using System.Collections.Concurrent;
using System.Collections.Immutable;
using Grader.Checks.CSharpAsync;
using Grader.Core.Engine;
using Grader.Core.Processes;
using Grader.Core.Results;
using Grader.Core.Submissions;
using Grader.CSharp.Tests.Support;

namespace Grader.CSharp.Tests.Engine;

/// <summary>
/// The C# forgery cases of the hostile gallery (Fixtures/forgery): wrong code that also reaches, by reflection, into
/// the harness it shares an assembly with (its clock, its records of the spied calls, its channel from a static
/// constructor), or speaks on the channel itself before the harness does (a [ModuleInitializer]) or after it
/// (AppDomain.ProcessExit), on top of its honest twin, the same wrong code without the attack. The attack must gain nothing over the twin, and must have run (it prints a
/// "forgery:" line), as the Python cases (Grader.Core.Tests' ForgeryTests).
/// </summary>
[Collection(CSharpGradingCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ForgeryTests(CSharpGradingFixture fixture) : IDisposable
{
    private const string Marker = "forgery: ";

    private readonly string work = Directory.CreateTempSubdirectory("grader-csharp-forgery-").FullName;

    public static TheoryData<string> Cases() => [.. CaseNames()];

    private static string Fixtures => Path.Combine(RepositoryPaths.Root, "grader", "tests", "Grader.CSharp.Tests", "Fixtures");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_forgery_gains_nothing_over_the_same_wrong_code_without_it(string name)
    {
        var honest = await GradeAsync(name, "honest");
        var attack = await GradeAsync(name, "attack");

        Assert.NotEmpty(honest.Problems);
        Assert.Contains(attack.Output, text => text.Contains(Marker, StringComparison.Ordinal));
        Assert.Subset(attack.Problems, honest.Problems);
        Assert.InRange(attack.Points, 0, honest.Points);
    }

    [Fact]
    public void The_gallery_has_a_case_for_each_class_of_attack_inside_the_csharp_child() =>
        Assert.Equal(["clock-through-reflection", "module-initializer", "process-exit", "records-through-reflection", "static-constructor"], CaseNames());

    private static List<string> CaseNames() => [.. Directory.EnumerateDirectories(Path.Combine(Fixtures, "forgery")).Select(folder => Path.GetFileName(folder)!).Order(StringComparer.Ordinal)];

    // The twin is the reference solution with the files of the folder twin.txt names; the attack is the twin with
    // the files of attack/ on top.
    private async Task<Graded> GradeAsync(string name, string side)
    {
        var folder = Path.Combine(work, name, side);
        Copy(RepositoryPaths.ReferenceSolution, folder);
        Copy(Path.Combine(Fixtures, File.ReadAllText(Path.Combine(Fixtures, "forgery", name, "twin.txt")).Trim()), folder);
        if (side == "attack")
        {
            Copy(Path.Combine(Fixtures, "forgery", name, "attack"), folder);
        }

        var recorder = new OutputRecorder(fixture.Runner);
        var track = new CSharpTrack(
            CSharpAsyncChecks.Catalog(),
            host => CSharpAsyncChecks.EvidenceSources(host, recorder, RepositoryPaths.Assignment),
            recorder,
            CSharpGradingFixture.LoaderSettings,
            "test");
        var result = await track.GradeAsync(fixture.Assignment, SubmissionLoader.Load(folder), GradingOptions.Default with { Seed = 20261203 }, CancellationToken.None);
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
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    private sealed record Graded(ImmutableSortedSet<string> Problems, double Points, ImmutableArray<string> Output);

    /// <summary>Keeps what every child wrote to stderr, where the student's Console output goes.</summary>
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
