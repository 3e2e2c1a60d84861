using Grader.Checks.PythonAsync;
using Grader.Core.Reporting;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Reporting;

public sealed class CheckDocsTests
{
    [Fact]
    public void The_committed_docs_match_the_descriptors()
    {
        var catalog = PythonAsyncChecks.Catalog();
        var assignment = Assignment.AssignmentLoader.Load(RepositoryPaths.Assignment);
        var stale = catalog.Checks
            .Where(check =>
            {
                var path = Path.Combine(RepositoryPaths.Docs, check.Descriptor.Id + ".md");
                return !File.Exists(path) || File.ReadAllText(path) != CheckDocs.Render(check.Descriptor, assignment.PointsFor(check.Descriptor.Id), assignment.Track);
            })
            .Select(check => check.Descriptor.Id)
            .ToList();

        Assert.True(stale.Count == 0, $"Stale docs for {string.Join(", ", stale)}: run 'grader explain --write-docs docs/checks'.");
    }
}
