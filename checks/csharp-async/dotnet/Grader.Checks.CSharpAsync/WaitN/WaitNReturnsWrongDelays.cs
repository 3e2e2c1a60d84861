using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.WaitN;

/// <summary>CS-BEH-010: WaitN returns the n delays of its WaitRandom calls</summary>
internal sealed class WaitNReturnsWrongDelays : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-010",
        1,
        "WaitN returns the n delays of its WaitRandom calls",
        "WaitN(5, 5) and WaitN(10, 7) call WaitRandom n times with maxDelay and return exactly the delays those calls returned.",
        "The list is the task's output: each delay must come from a real WaitRandom call, none lost, none invented.",
        "Call BasicAsyncSyntax.WaitRandom(maxDelay) n times and add each result to the list.",
        "return Enumerable.Repeat(0.0, n).ToList();",
        "var waits = Enumerable.Range(0, n).Select(_ => BasicAsyncSyntax.WaitRandom(maxDelay)).ToList();");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        HarnessJudge.JudgeAll(context, ["wait_n_5_5", "wait_n_10_7"], observations =>
            SpawnRules.ReturnsEachDelay(observations[0], "WaitRandom", 5, 5) is { Status: not Core.Results.CheckStatus.Passed } failed
                ? failed
                : SpawnRules.ReturnsEachDelay(observations[1], "WaitRandom", 10, 7));
}
