using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.WaitRandom;

/// <summary>CS-BEH-005: WaitRandom never blocks its thread (Thread.Sleep, or .Result/.Wait() on an unfinished task).</summary>
internal sealed class BlocksTheThread : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-005",
        0,
        "WaitRandom does not block the thread",
        "While WaitRandom runs, no Thread.Sleep is called and no unfinished task is waited for with .Result, .Wait() or GetAwaiter().GetResult(): the wait is asynchronous.",
        "A blocking call holds the thread the async code runs on, so nothing else can run on it meanwhile: with Thread.Sleep n waits take the sum of their delays "
        + "instead of the longest, and blocking waits are how async code deadlocks under a UI or request context.",
        "Replace Thread.Sleep(...) or Task.Delay(...).Wait() with await Task.Delay(...), and task.Result with await task.",
        "Thread.Sleep(TimeSpan.FromSeconds(delay));",
        "await Task.Delay(TimeSpan.FromSeconds(delay));");

    public CheckOutcome Evaluate(TaskCheckContext context) => HarnessJudge.JudgeAll(context, WaitRandomScenarios.Ids, observations =>
        BlockingCalls.Find(observations) ?? CheckOutcome.Pass("WaitRandom waits without blocking the thread."));
}
