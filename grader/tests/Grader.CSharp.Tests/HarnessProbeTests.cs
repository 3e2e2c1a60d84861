using Grader.Core.Engine;
using Grader.CSharp.Tests.Support;
using Xunit.Abstractions;

namespace Grader.CSharp.Tests;

[Collection(CSharpGradingCollection.Name)]
public sealed class HarnessProbeTests(CSharpGradingFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Dump()
    {
        var submission = Grader.Core.Submissions.SubmissionLoader.Load(Environment.GetEnvironmentVariable("DUMP_FOLDER") ?? RepositoryPaths.ReferenceSolution);
        var host = fixture.Track.Host;
        var compiled = Evidence.CSharpEvidenceCollector.Compile(host, submission);
        var source = (Behaviour.HarnessEvidenceSource)Grader.Checks.CSharpAsync.CSharpAsyncChecks.EvidenceSources(host, fixture.Runner, RepositoryPaths.Assignment)[0];
        using var scratch = Grader.Core.Evidence.ScratchSpace.Create();
        var evidence = (Behaviour.HarnessEvidence)await source.CollectAsync(compiled, new Grader.Core.Evidence.EvidenceRequest(fixture.Assignment, submission, null!, GradingOptions.Default, scratch), CancellationToken.None);
        foreach (var run in evidence.Runs.Values)
        {
            output.WriteLine($"task {run.Task} finished={run.Finished} exit={run.Process.ExitCode} timedout={run.Process.TimedOut} build={run.BuildFailure} elapsed={run.Process.Elapsed}");
            output.WriteLine(run.Process.StandardError.Text);
            foreach (var (id, line) in run.Observations)
            {
                output.WriteLine(line.ToString());
            }
        }
    }
}
