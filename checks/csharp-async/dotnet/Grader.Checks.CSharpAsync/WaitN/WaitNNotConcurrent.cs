using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.WaitN;

/// <summary>CS-BEH-011: WaitN runs the waits concurrently</summary>
internal sealed class WaitNNotConcurrent : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-011",
        1,
        "WaitN runs the waits concurrently",
        "WaitN(5, 5) takes as long as its longest WaitRandom, not the sum of all of them, on the grader's clock, and every WaitRandom "
        + "has started before the first one finishes (no cap such as a Parallel.ForEachAsync's degree of parallelism).",
        "Running the waits at the same time is the point of the task: awaited one by one, n waits take n times longer.",
        "Start every WaitRandom first (keep the tasks in a list), then await them together.",
        "foreach (var _ in Enumerable.Range(0, n)) delays.Add(await BasicAsyncSyntax.WaitRandom(maxDelay));",
        "var waits = Enumerable.Range(0, n).Select(_ => BasicAsyncSyntax.WaitRandom(maxDelay)).ToList();\\nawait foreach (var done in Task.WhenEach(waits)) delays.Add(await done);");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        HarnessJudge.Judge(context, "wait_n_5_5", SpawnRules.RunsConcurrently);
}
