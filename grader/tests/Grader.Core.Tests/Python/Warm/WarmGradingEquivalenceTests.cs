using Grader.Core.Engine;
using Grader.Core.Reporting;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Python.Warm;

/// <summary>
/// Grading as the CLI does (warm interpreters, a submission's tasks sharing one probe process) gives byte for byte
/// the result of grading with a fresh process for every script and every task, for the reference solution and for
/// submissions that crash, exit, flood their output, leave tasks unawaited or try to fool the probe.
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
    [InlineData("asyncio-to-thread")]
    [InlineData("task-wait-random-async")]
    [InlineData("monkeypatched-perf-counter")]
    [InlineData("endless-loop-in-coroutine")]
    public async Task Warm_and_fresh_processes_give_the_same_json(string submission)
    {
        var folder = submission == "reference" ? RepositoryPaths.ReferenceSolution : Path.Combine(RepositoryPaths.Gallery, submission);
        var options = GradingOptions.Default with { Seed = 41 };

        var warm = JsonReporter.Serialize(await fixture.GradeAsync(folder, options));
        var fresh = JsonReporter.Serialize(await fixture.GradeAsync(folder, options, runner: fixture.DirectRunner, tasksTogether: false));

        Assert.Equal(fresh, warm);
    }
}
