namespace GraderHarness;

/// <summary>
/// Runs tasks on the scenario's pump, like TaskScheduler.FromCurrentSynchronizationContext, but without its
/// maximum concurrency level of 1: Parallel.ForEachAsync caps its workers at that level, which would make every
/// parallel loop run one element at a time. The pump still runs one thing at a time; the workers' awaits interleave.
/// </summary>
internal sealed class PumpTaskScheduler(PumpContext context) : TaskScheduler
{
    protected override void QueueTask(Task task) => context.Post(_ => TryExecuteTask(task), null);

    // Never inline: a task runs when the pump reaches it, in queue order, as a posted continuation would.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task>? GetScheduledTasks() => null;
}
