using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.WaitN;

/// <summary>CS-BEH-012: WaitN returns the delays in completion order</summary>
internal sealed class WaitNNotInCompletionOrder : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-012",
        1,
        "WaitN returns the delays in completion order",
        "In a run where the grader makes the waits finish in an order that is neither their start order nor ascending by value, WaitN returns the delays in the order the waits finished.",
        "The list is ascending only because shorter waits finish first; sorting hides whether the waits really ran concurrently.",
        "Collect each delay as its wait completes (await foreach over Task.WhenEach, or Task.WhenAny in a loop); never sort.",
        "var delays = (await Task.WhenAll(waits)).ToList();\\ndelays.Sort();",
        "await foreach (var done in Task.WhenEach(waits)) delays.Add(await done);");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        HarnessJudge.Judge(context, "wait_n_decoupled", SpawnRules.ReturnsCompletionOrder);
}
