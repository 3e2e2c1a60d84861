using System.Collections.Immutable;
using System.Text.Json;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Engine;

/// <summary>
/// Every folder under Fixtures/submissions is a copy of the reference solution with one fault; its
/// expected.json lists exactly the checks that must not pass. No more, no fewer.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class GalleryTests(GradingFixture fixture)
{
    public static TheoryData<string> Cases() =>
        [.. Directory.EnumerateDirectories(RepositoryPaths.Gallery).Select(folder => Path.GetFileName(folder)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_case_fails_exactly_the_checks_its_fault_implies(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Gallery, name);
        var expected = ReadExpected(Path.Combine(folder, "expected.json"));

        var result = await fixture.GradeAsync(folder);

        Assert.Equal(expected, GradingFixture.Problems(result));
    }

    [Fact]
    public void The_gallery_has_the_cases_the_issue_lists()
    {
        var cases = Directory.EnumerateDirectories(RepositoryPaths.Gallery).Select(Path.GetFileName).ToHashSet();
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

    private static ImmutableSortedSet<string> ReadExpected(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var failing = document.RootElement.GetProperty("failing");
        return failing.EnumerateObject()
            .SelectMany(scope => scope.Value.EnumerateArray().Select(id => $"{scope.Name}:{id.GetString()}"))
            .ToImmutableSortedSet(StringComparer.Ordinal);
    }
}
