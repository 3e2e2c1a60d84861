using System.Collections.Concurrent;

namespace GraderHarness;

/// <summary>
/// A single-threaded SynchronizationContext: every continuation of the student's awaits is queued here and run
/// by the harness's pump, one at a time, on one thread. Because all the student's asynchronous work passes
/// through this queue, an empty queue means the work is idle and virtual time may jump to the next timer.
/// </summary>
internal sealed class PumpContext : SynchronizationContext
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> queue = [];

    public override void Post(SendOrPostCallback d, object? state) => queue.Add((d, state));

    // Send is synchronous by contract; running inline keeps it so (nothing in the tasks' code uses it).
    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    public bool IsIdle => queue.Count == 0;

    /// <summary>Runs one queued continuation, waiting up to <paramref name="wait"/> for one; false when none came.</summary>
    public bool RunOne(TimeSpan wait)
    {
        if (!queue.TryTake(out var item, wait))
        {
            return false;
        }

        item.Callback(item.State);
        return true;
    }
}
