using System.Diagnostics;

namespace Grader.Core.Supervision;

/// <summary>
/// What the supervisors of one grading cost: the requests they answered and the time spent answering them, which
/// the child waits out, and the time their conversations lasted. Shared by the runs of one process (tasks may run in
/// parallel), so it only adds, atomically. The CLI prints it when GRADER_TIMINGS=1 (bench/behaviour.sh reads it).
/// </summary>
public sealed class SupervisionMeter
{
    private long conversations;
    private long requests;
    private long answeringTicks;
    private long conversationTicks;

    public long Conversations => Interlocked.Read(ref conversations);

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Time from reading a request to having sent its answer, summed over every request.</summary>
    public TimeSpan Answering => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref answeringTicks));

    /// <summary>Time from the first line sent to the child to the end of its stdout, summed over every conversation.</summary>
    public TimeSpan Talking => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref conversationTicks));

    internal void Answered(long ticks)
    {
        Interlocked.Increment(ref requests);
        Interlocked.Add(ref answeringTicks, ticks);
    }

    internal void Talked(long ticks)
    {
        Interlocked.Increment(ref conversations);
        Interlocked.Add(ref conversationTicks, ticks);
    }
}
