using Grader.Checks.CSharpAsync.Harness;
using Grader.Checks.CSharpAsync.WaitN;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.TaskWaitN;

/// <summary>CS-BEH-042: TaskWaitN returns the delays in completion order</summary>
internal sealed class TaskWaitNNotInCompletionOrder : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-042",
        4,
        "TaskWaitN returns the delays in completion order",
        "In a run where the grader makes the tasks finish in an order that is neither their start order nor ascending by value, TaskWaitN returns the delays in the order the tasks finished.",
        "The list is ascending only because shorter tasks finish first; sorting hides whether they really ran concurrently.",
        "Collect each delay as its task completes (Task.WhenEach or Task.WhenAny); never sort.",
        "var delays = (await Task.WhenAll(tasks)).OrderBy(d => d).ToList();",
        "await foreach (var done in Task.WhenEach(tasks)) delays.Add(await done);");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        HarnessJudge.Judge(context, "task_wait_n_decoupled", SpawnRules.ReturnsCompletionOrder);
}
