using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.WaitRandom;

/// <summary>CS-BEH-005: WaitRandom never blocks its thread with Thread.Sleep.</summary>
internal sealed class BlocksTheThread : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-005",
        0,
        "WaitRandom does not block the thread",
        "While WaitRandom runs, no Thread.Sleep is called: the wait is asynchronous.",
        "Thread.Sleep blocks the thread the async code runs on, so nothing else can run meanwhile: n waits take the sum of their delays instead of the longest.",
        "Replace Thread.Sleep(...) with await Task.Delay(...).",
        "Thread.Sleep(TimeSpan.FromSeconds(delay));",
        "await Task.Delay(TimeSpan.FromSeconds(delay));");

    public CheckOutcome Evaluate(TaskCheckContext context) => HarnessJudge.JudgeAll(context, WaitRandomScenarios.Ids, observations =>
        BlockingSleeps.Find(observations) ?? CheckOutcome.Pass("WaitRandom waits without blocking the thread."));
}
