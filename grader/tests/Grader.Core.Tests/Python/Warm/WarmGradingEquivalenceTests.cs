using Grader.Core.Engine;
using Grader.Core.Reporting;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Python.Warm;

/// <summary>
/// Grading through the warm interpreters gives byte for byte the result of grading with fresh processes, for the
/// reference solution and for submissions that crash, exit, flood their output or try to fool the probe.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class WarmGradingEquivalenceTests(GradingFixture fixture)
{
    [Theory]
    [InlineData("reference")]
    [InlineData("deep-recursion")]
    [InlineData("fake-verdict")]
    [InlineData("huge-output")]
    [InlineData("memory-hog")]
    [InlineData("os-exit-in-wait-n")]
    [InlineData("sys-exit-at-import")]
    [InlineData("exception-in-wait-n")]
    [InlineData("monkeypatched-sleep")]
    [InlineData("syntax-error")]
    public async Task Warm_and_fresh_processes_give_the_same_json(string submission)
    {
        var folder = submission == "reference" ? RepositoryPaths.ReferenceSolution : Path.Combine(RepositoryPaths.Gallery, submission);
        var options = GradingOptions.Default with { Seed = 41 };

        var warm = JsonReporter.Serialize(await fixture.GradeAsync(folder, options));
        var fresh = JsonReporter.Serialize(await fixture.GradeAsync(folder, options, runner: fixture.DirectRunner));

        Assert.Equal(fresh, warm);
    }
}
