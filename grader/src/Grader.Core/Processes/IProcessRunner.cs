namespace Grader.Core.Processes;

/// <summary>The one way the grader starts child processes (Python, pycodestyle, student code).</summary>
public interface IProcessRunner
{
    Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken);
}
