using System.Collections.Immutable;
using System.Text.Json;
using Grader.Core.Engine;
using Grader.CSharp.Behaviour;
using Grader.CSharp.Tests.Support;

namespace Grader.CSharp.Tests.Engine;

/// <summary>
/// Every folder under Fixtures/submissions is a copy of the C# reference solution with one fault (see
/// Fixtures/make-gallery.py); its expected.json lists exactly the checks that must not pass, with their status.
/// </summary>
[Collection(CSharpGradingCollection.Name)]
public sealed class GalleryTests(CSharpGradingFixture fixture)
{
    public static TheoryData<string> Cases() => [.. CaseNames()];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_case_fails_exactly_the_checks_its_fault_implies(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Gallery, name);
        var expected = ReadExpected(Path.Combine(folder, "expected.json"));

        var result = await fixture.GradeAsync(folder, GradingOptions.Default with { Seed = 20261124 });

        Assert.Equal(expected, CSharpGradingFixture.ProblemsWithStatus(result));
    }

    [Fact]
    public async Task A_parallel_loop_is_capped_by_the_processor_count_the_grader_sets_not_by_the_machines_cores()
    {
        var result = await fixture.GradeAsync(Path.Combine(RepositoryPaths.Gallery, "parallel-foreach-capped"), GradingOptions.Default with { Seed = 20261124 });

        // On a machine whose core count differs from the fixed one (this 2-core machine), the cap shows which applied.
        var concurrency = result.Tasks.Single(task => task.Task == 1).Checks.Single(check => check.Id == "CS-BEH-011");
        Assert.Contains($"only {HarnessRunner.ProcessorCount} of its 5 WaitRandom calls had started when the first one finished", concurrency.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gallery_has_the_cases_the_issue_lists()
    {
        var cases = CaseNames().ToHashSet();
        string[] required =
        [
            "sequential-awaits", "when-all-then-orderby", "when-all-then-sort", "thread-sleep", "missing-doc-comment",
            "compile-error", "endless-loop", "environment-exit", "stack-overflow",
        ];
        Assert.All(required, name => Assert.Contains(name, cases));
    }

    private static IEnumerable<string> CaseNames() =>
        Directory.EnumerateDirectories(RepositoryPaths.Gallery).Select(folder => Path.GetFileName(folder)!).Order(StringComparer.Ordinal);

    // "failing": {"1": ["CS-BEH-011"]} means status failed; {"1": {"CS-BEH-011": "timeout"}} names the status.
    private static ImmutableSortedSet<string> ReadExpected(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("failing").EnumerateObject()
            .SelectMany(scope => scope.Value.ValueKind == JsonValueKind.Array
                ? scope.Value.EnumerateArray().Select(id => $"{scope.Name}:{id.GetString()}=failed")
                : scope.Value.EnumerateObject().Select(entry => $"{scope.Name}:{entry.Name}={entry.Value.GetString()}"))
            .ToImmutableSortedSet(StringComparer.Ordinal);
    }
}
