using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitRandom;

/// <summary>PY-BEH-007: wait_random does not block the event loop (no time.sleep in a coroutine).</summary>
internal sealed class BlocksTheEventLoop : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-007",
        0,
        "wait_random does not block the event loop",
        "While wait_random(max_delay) waits (max_delay drawn from the run's seed), another coroutine keeps ticking every 0.5 s on the same loop, and no blocking time.sleep is called.",
        "A blocking sleep freezes every other coroutine: wait_n would then take the sum of the delays instead of the largest.",
        "Use 'await asyncio.sleep(delay)', never time.sleep, inside a coroutine.",
        "time.sleep(delay)",
        "await asyncio.sleep(delay)");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.Judge(context, "wait_random_blocking", (observation, tolerance) => Judge(observation, tolerance, "wait_random"));

    private static CheckOutcome Judge(Observation observation, Tolerance tolerance, string function)
    {
        if (BlockingSleep.Find(observation) is { } blocking)
        {
            return blocking;
        }

        var gap = Observation.Number(observation.Property("max_tick_gap"));
        return gap is not null && gap.Value > 0.5 + tolerance.Stall
            ? CheckOutcome.Fail($"While {observation.Call} ran, the event loop stood still for {Observation.Format(gap.Value)} s: {function} blocks it instead of awaiting.")
            : CheckOutcome.Pass($"{function} lets the event loop run while it waits.");
    }
}
