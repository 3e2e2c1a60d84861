using Grader.Checks.CSharpAsync.Harness;
using Grader.Checks.CSharpAsync.WaitN;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.TaskWaitN;

/// <summary>CS-BEH-041: TaskWaitN runs the tasks concurrently</summary>
internal sealed class TaskWaitNNotConcurrent : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-041",
        4,
        "TaskWaitN runs the tasks concurrently",
        "TaskWaitN(5, 6) takes as long as its longest wait, not the sum of all of them, on the grader's clock, and every wait "
        + "has started before the first one finishes (no cap on how many run at once).",
        "Tasks run at the same time; awaiting each before starting the next makes n waits take n times longer.",
        "Start every TaskWaitRandom first, then await the tasks together.",
        "foreach (var _ in Enumerable.Range(0, n)) delays.Add(await TaskWaitRandom(maxDelay));",
        "var tasks = Enumerable.Range(0, n).Select(_ => TaskWaitRandom(maxDelay)).ToList();");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        HarnessJudge.Judge(context, "task_wait_n_5_6", SpawnRules.RunsConcurrently);
}
