using Grader.Checks.PythonAsync.Probe;
using Grader.Checks.PythonAsync.WaitN;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.TaskWaitN;

/// <summary>PY-BEH-041: task_wait_n runs its task_wait_random calls concurrently.</summary>
internal sealed class TaskWaitNNotConcurrent : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-041",
        4,
        "task_wait_n runs the calls concurrently",
        "task_wait_n(5, 6) takes about as long as its largest delay, not the sum of the delays.",
        "Concurrency is the point of the task: n waits that overlap take as long as the longest one.",
        "Start every task_wait_random call before awaiting any of them (asyncio.as_completed over the calls, or create_task for each first).",
        "for _ in range(n):\\n    delays.append(await task_wait_random(max_delay))",
        "for done in asyncio.as_completed([task_wait_random(max_delay) for _ in range(n)]):\\n    delays.append(await done)");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.Judge(context, SpawnScenarios.TaskWaitN.Sized, (observation, tolerance) => SpawnJudge.RunsConcurrently(observation, tolerance));
}
