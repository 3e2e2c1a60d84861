namespace Grader.Core.Processes;

/// <summary>
/// A dialogue with a child over its standard streams, in place of capturing its stdout and writing its stdin: the
/// private channel between the grader and a process it supervises. It runs from the moment the child starts until
/// the child's stdout ends (the child exited, or closed it) or the run is cancelled; the runner then closes stdin.
/// </summary>
public interface IChildConversation
{
    Task TalkAsync(Stream fromChild, Stream toChild, CancellationToken cancellationToken);
}
