using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.WaitN;

/// <summary>CS-BEH-013: WaitN handles n = 0 and maxDelay = 0</summary>
internal sealed class WaitNEdgeCases : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-013",
        1,
        "WaitN handles n = 0 and maxDelay = 0",
        "WaitN(0, 5) returns an empty list and WaitN(10, 0) returns ten zeros.",
        "Edge cases show whether the loop and the collection are right, not just the usual case.",
        "Start exactly n waits and return every delay, even when there are none or all are 0.",
        "if (n == 0) return null!;",
        "var delays = new List<double>(n);");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        HarnessJudge.JudgeAll(context, ["wait_n_0_5", "wait_n_10_0"], observations => SpawnRules.HandlesEdgeCases(observations[0], observations[1]));
}
