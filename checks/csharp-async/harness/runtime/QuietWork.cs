namespace GraderHarness;

/// <summary>
/// Decides when the student's work is idle, so virtual time may move: the pump's queue is empty, the caller has
/// finished or is blocked, and the thread pool has run nothing and holds nothing for a few consecutive polls
/// (some framework awaitables complete through the pool before they post back to the pump). A blocked caller
/// gets more polls: a continuation may just have released it.
/// </summary>
internal sealed class QuietWork(PumpContext context)
{
    private const int QuietPolls = 2;
    private const int BlockedCallerPolls = 5;

    private long lastCompleted = ThreadPool.CompletedWorkItemCount;
    private int streak;

    public bool Settled(bool callerBlocked)
    {
        if (!callerBlocked)
        {
            streak = 0;
            return false;
        }

        var completed = ThreadPool.CompletedWorkItemCount;
        var idle = context.IsIdle && ThreadPool.PendingWorkItemCount == 0 && completed == lastCompleted;
        lastCompleted = completed;
        streak = idle ? streak + 1 : 0;
        return streak >= QuietPolls;
    }

    /// <summary>Extra patience when the caller thread is alive but blocked.</summary>
    public bool SettledForBlockedCaller() => streak >= BlockedCallerPolls;

    public void Reset() => streak = 0;
}
