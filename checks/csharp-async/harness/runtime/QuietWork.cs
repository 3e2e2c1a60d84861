using System.Diagnostics;

namespace GraderHarness;

/// <summary>
/// Decides when the student's work is idle, so virtual time may move: the pump's queue is empty, the caller has
/// finished or is blocked, and the thread pool has run nothing and holds nothing (some framework awaitables, such
/// as Task.WhenEach, complete through the pool before they post back to the pump). How long the quiet must last is
/// real time: a little for a finished caller, more for a blocked one (a caller waiting on a JIT or type-loading lock
/// also looks blocked), and much more before calling it a deadlock, which only faulty code pays for.
/// </summary>
internal sealed class QuietWork(PumpContext context)
{
    private static readonly TimeSpan FinishedCallerQuiet = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan BlockedCallerQuiet = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DeadlockQuiet = TimeSpan.FromMilliseconds(300);

    private readonly Stopwatch quietFor = new();
    private long lastCompleted = ThreadPool.CompletedWorkItemCount;

    /// <summary>True when the work has been idle long enough to move the clock to the next timer.</summary>
    public bool SettledForTimer(bool callerDone, bool callerBlocked) =>
        Quiet(callerDone || callerBlocked) && quietFor.Elapsed >= (callerDone ? FinishedCallerQuiet : BlockedCallerQuiet);

    /// <summary>True when the work has been idle long enough, with no timer left, to call it a deadlock.</summary>
    public bool SettledForDeadlock(bool callerDone, bool callerBlocked) =>
        Quiet(callerDone || callerBlocked) && quietFor.Elapsed >= DeadlockQuiet;

    public void Reset() => quietFor.Reset();

    private bool Quiet(bool callerStill)
    {
        var completed = ThreadPool.CompletedWorkItemCount;
        var idle = callerStill && context.IsIdle && ThreadPool.PendingWorkItemCount == 0 && completed == lastCompleted;
        lastCompleted = completed;
        if (!idle)
        {
            quietFor.Reset();
        }
        else if (!quietFor.IsRunning)
        {
            quietFor.Start();
        }

        return idle;
    }
}
