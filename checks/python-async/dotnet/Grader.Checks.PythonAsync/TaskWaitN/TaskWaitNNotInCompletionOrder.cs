using Grader.Checks.PythonAsync.Probe;
using Grader.Checks.PythonAsync.WaitN;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.TaskWaitN;

/// <summary>PY-BEH-042: task_wait_n returns the delays in completion order, and not by sorting them.</summary>
internal sealed class TaskWaitNNotInCompletionOrder : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-042",
        4,
        "task_wait_n returns the delays in completion order",
        "In one run the grader makes the coroutines finish in an order that differs from the order of their values; task_wait_n must "
        + "return the delays in the order they finished. A version that sorts returns them by value and fails, and so does one "
        + "that returns them in the order they were started. Sorting found in the function (sorted, .sort, heapq, bisect, swaps) is shown as evidence.",
        "The assignment asks for the ascending order to come from concurrency itself (shorter waits finish first), without sort().",
        "Append each result as its coroutine completes: 'for done in asyncio.as_completed(...): delays.append(await done)'.",
        "delays = await asyncio.gather(*calls)\\nreturn sorted(delays)",
        "for done in asyncio.as_completed(calls):\\n    delays.append(await done)");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.Judge(context, SpawnScenarios.TaskWaitN.Decoupled, (observation, tolerance) =>
            SpawnJudge.ReturnsCompletionOrder(observation, tolerance, SpawnJudge.SortingEvidence(context, SpawnScenarios.TaskWaitN.Function)));
}
