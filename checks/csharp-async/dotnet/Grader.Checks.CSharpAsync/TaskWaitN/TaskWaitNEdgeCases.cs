using Grader.Checks.CSharpAsync.Harness;
using Grader.Checks.CSharpAsync.WaitN;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.TaskWaitN;

/// <summary>CS-BEH-043: TaskWaitN handles n = 0 and maxDelay = 0</summary>
internal sealed class TaskWaitNEdgeCases : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-043",
        4,
        "TaskWaitN handles n = 0 and maxDelay = 0",
        "TaskWaitN(0, 6) returns an empty list and TaskWaitN(10, 0) returns ten zeros.",
        "Edge cases show whether the loop and the collection are right, not just the usual case.",
        "Start exactly n tasks and return every delay, even when there are none or all are 0.",
        "if (n == 0) return null!;",
        "var delays = new List<double>(n);");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        HarnessJudge.JudgeAll(context, ["task_wait_n_0_6", "task_wait_n_10_0"], observations => SpawnRules.HandlesEdgeCases(observations[0], observations[1]));
}
