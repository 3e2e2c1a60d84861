using Grader.Checks.CSharpAsync;
using Grader.Core.Assignment;
using Grader.Core.Reporting;
using Grader.CSharp.Tests.Support;

namespace Grader.CSharp.Tests.Checks;

public sealed class CheckDocsTests
{
    [Fact]
    public void The_committed_docs_match_the_csharp_descriptors()
    {
        var assignment = AssignmentLoader.Load(RepositoryPaths.Assignment);
        var stale = CSharpAsyncChecks.Catalog().Checks
            .Where(check =>
            {
                var path = Path.Combine(RepositoryPaths.Root, "docs", "checks", check.Descriptor.Id + ".md");
                return !File.Exists(path) || File.ReadAllText(path) != CheckDocs.Render(check.Descriptor, assignment.PointsFor(check.Descriptor.Id), assignment.Track);
            })
            .Select(check => check.Descriptor.Id)
            .ToList();

        Assert.True(stale.Count == 0, $"Stale docs for {string.Join(", ", stale)}: run 'grader explain --write-docs docs/checks'.");
    }
}
