using System.Collections.Immutable;
using System.Globalization;
using Grader.Core.Evidence;
using Grader.Core.Submissions;
using Grader.Core.Tests.Support;
using Grader.Python;
using Grader.Python.Evidence;
using Grader.Python.Tools;

namespace Grader.Core.Tests.Python.Style;

/// <summary>
/// Every case of the style corpus gets, through the runner and the 2.5.0 profile that grading uses, exactly the
/// findings the real pycodestyle 2.5.0 gave (Fixtures/style-corpus/expected, made by regenerate.sh); the only cases
/// allowed to differ are those checks/STYLE-PROFILE.md lists as not reproduced, and each of them must differ.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class StyleCorpusTests(GradingFixture fixture)
{
    [Fact]
    public async Task The_profile_reproduces_pycodestyle_2_5_0_on_every_case_the_profile_doc_does_not_list()
    {
        var cases = SubmissionLoader.Load(Path.Combine(RepositoryPaths.StyleCorpus, "cases")).PythonFiles().ToList();
        var invocation = StyleInvocation.Profiled(fixture.Tools.Pycodestyle!, Path.Combine(RepositoryPaths.Assignment, PythonEvidenceCollector.StyleProfileScript));
        using var scratch = ScratchSpace.Create();

        var run = await new PycodestyleRunner(fixture.Runner).RunAsync(invocation, cases, scratch, CancellationToken.None);

        Assert.True(run.Value is not null, run.Failure);
        var differing = cases
            .Where(file => !Expected(file.Path).SequenceEqual(run.Value.For(file.Path).Select(Format)))
            .Select(file => Path.GetFileNameWithoutExtension(file.Path))
            .Order(StringComparer.Ordinal);
        Assert.True(cases.Count >= 60, $"the corpus has only {cases.Count} cases");
        Assert.Equal(NotReproduced(), differing);
    }

    [Fact]
    public void Every_case_has_an_expected_findings_file()
    {
        var cases = Directory.GetFiles(Path.Combine(RepositoryPaths.StyleCorpus, "cases"), "*.py").Select(Path.GetFileNameWithoutExtension);
        var expected = Directory.GetFiles(Path.Combine(RepositoryPaths.StyleCorpus, "expected"), "*.txt").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(cases.Order(StringComparer.Ordinal), expected.Order(StringComparer.Ordinal));
    }

    private static string Format(StyleFinding finding) =>
        string.Create(CultureInfo.InvariantCulture, $"{finding.Line}|{finding.Column}|{finding.Code}|{finding.Text}");

    private static ImmutableArray<string> Expected(string casePath) =>
    [
        .. File.ReadAllLines(Path.Combine(RepositoryPaths.StyleCorpus, "expected", Path.ChangeExtension(casePath, ".txt")))
            .Where(line => line.Length > 0),
    ];

    private const string NotReproducedHeading = "## Corpus cases not reproduced";

    // The rows of the doc's table of cases not reproduced: "| `case` | version | reason |".
    private static IEnumerable<string> NotReproduced() =>
        File.ReadAllLines(RepositoryPaths.StyleProfileDoc)
            .SkipWhile(line => line != NotReproducedHeading)
            .Skip(1)
            .TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('`')[1])
            .Order(StringComparer.Ordinal);
}
