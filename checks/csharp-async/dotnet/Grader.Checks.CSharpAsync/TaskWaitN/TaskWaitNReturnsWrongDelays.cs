using Grader.Checks.CSharpAsync.Harness;
using Grader.Checks.CSharpAsync.WaitN;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.TaskWaitN;

/// <summary>CS-BEH-040: TaskWaitN returns the delays of n TaskWaitRandom calls</summary>
internal sealed class TaskWaitNReturnsWrongDelays : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-040",
        4,
        "TaskWaitN returns the delays of n TaskWaitRandom calls",
        "TaskWaitN(5, 6) calls Tasks.TaskWaitRandom (not WaitRandom directly) 5 times with maxDelay and returns exactly the delays they produced.",
        "The task is WaitN rewritten on top of TaskWaitRandom; calling WaitRandom directly skips what task 3 built.",
        "Call TaskWaitRandom(maxDelay) n times and collect the delays of the tasks it returns.",
        "var waits = Enumerable.Range(0, n).Select(_ => BasicAsyncSyntax.WaitRandom(maxDelay)).ToList();",
        "var waits = Enumerable.Range(0, n).Select(_ => TaskWaitRandom(maxDelay)).ToList();");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        HarnessJudge.Judge(context, "task_wait_n_5_6", observation => SpawnRules.ReturnsEachDelay(observation, "TaskWaitRandom", 5, 6));
}
