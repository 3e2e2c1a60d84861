using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitN;

/// <summary>PY-BEH-011: wait_n runs its wait_random calls concurrently.</summary>
internal sealed class WaitNNotConcurrent : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-011",
        1,
        "wait_n runs the calls concurrently",
        "wait_n(5, 5) takes about as long as its largest delay, not the sum of the delays.",
        "Concurrency is the point of the task: n waits that overlap take as long as the longest one.",
        "Start every wait_random call before awaiting any of them (asyncio.as_completed over the calls, or create_task for each first).",
        "for _ in range(n):\\n    delays.append(await wait_random(max_delay))",
        "for done in asyncio.as_completed([wait_random(max_delay) for _ in range(n)]):\\n    delays.append(await done)");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.Judge(context, SpawnScenarios.WaitN.Sized, (observation, tolerance) => SpawnJudge.RunsConcurrently(observation, tolerance));
}
