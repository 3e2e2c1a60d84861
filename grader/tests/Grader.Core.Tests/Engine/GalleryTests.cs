using System.Collections.Immutable;
using System.Text.Json;
using Grader.Core.Engine;
using Grader.Core.Results;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Engine;

/// <summary>
/// Every folder under Fixtures/submissions is a copy of the reference solution with one fault; its
/// expected.json lists exactly the checks that must not pass, with their status. No more, no fewer, in both
/// clock modes (a case's failing_real, when it has one, for the real clock).
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class GalleryTests(GradingFixture fixture)
{
    public static TheoryData<string, ClockMode> Cases()
    {
        var data = new TheoryData<string, ClockMode>();
        foreach (var name in CaseNames())
        {
            data.Add(name, ClockMode.Virtual);
            data.Add(name, ClockMode.Real);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_case_fails_exactly_the_checks_its_fault_implies(string name, ClockMode clock)
    {
        var folder = Path.Combine(RepositoryPaths.Gallery, name);
        var expected = ReadExpected(Path.Combine(folder, "expected.json"), clock);

        var result = await fixture.GradeAsync(folder, GradingOptions.Default with { Clock = clock, Seed = 20261124 });

        Assert.Equal(expected, GradingFixture.ProblemsWithStatus(result));
    }

    [Fact]
    public void The_gallery_has_the_cases_the_issues_list()
    {
        var cases = CaseNames().ToHashSet();
        string[] required =
        [
            "missing-task-file", "empty-file", "missing-shebang", "other-interpreter-shebang", "bom-before-shebang",
            "blank-line-before-shebang", "crlf-line-endings", "no-trailing-newline", "not-executable", "syntax-error",
            "invalid-import-syntax", "walrus", "builtin-generic-annotation", "asyncio-taskgroup", "pycodestyle-violation",
            "missing-module-docstring", "missing-function-docstring", "one-word-docstring", "missing-parameter-annotation",
            "missing-return-annotation", "missing-readme", "task-wait-random-async", "wrong-default", "wrong-parameters",
        ];
        Assert.All(required, name => Assert.Contains(name, cases));
    }

    private static IEnumerable<string> CaseNames() =>
        Directory.EnumerateDirectories(RepositoryPaths.Gallery).Select(folder => Path.GetFileName(folder)!).Order(StringComparer.Ordinal);

    // "failing": {"1": ["PY-API-003"]} means status failed; {"1": {"PY-BEH-011": "timeout"}} names the status.
    // "failing_real", when present, holds what fails with --clock real instead (what only the virtual clock sees).
    private static ImmutableSortedSet<string> ReadExpected(string path, ClockMode clock)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var failing = clock == ClockMode.Real && document.RootElement.TryGetProperty("failing_real", out var real)
            ? real
            : document.RootElement.GetProperty("failing");
        return failing.EnumerateObject()
            .SelectMany(scope => scope.Value.ValueKind == JsonValueKind.Array
                ? scope.Value.EnumerateArray().Select(id => $"{scope.Name}:{id.GetString()}={Status(CheckStatus.Failed)}")
                : scope.Value.EnumerateObject().Select(entry => $"{scope.Name}:{entry.Name}={entry.Value.GetString()}"))
            .ToImmutableSortedSet(StringComparer.Ordinal);
    }

    private static string Status(CheckStatus status) => status.ToString().ToLowerInvariant();
}
