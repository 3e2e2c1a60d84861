using System.Collections.Concurrent;
using Grader.Core.Processes;

namespace Grader.CSharp.Tests.Support;

/// <summary>Records every request and answers each with the same outcome, without starting anything.</summary>
public sealed class SpyProcessRunner(ProcessOutcome? outcome = null) : IProcessRunner
{
    private readonly ConcurrentQueue<ProcessRequest> requests = new();

    public IReadOnlyList<ProcessRequest> Requests => [.. requests];

    public Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        requests.Enqueue(request);
        return Task.FromResult(outcome ?? new ProcessOutcome(0, false, CapturedOutput.Empty, CapturedOutput.Empty, TimeSpan.Zero));
    }
}
