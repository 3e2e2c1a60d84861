using System.Text.Json;
using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Checks.PythonAsync.WaitRandom;

/// <summary>PY-BEH-007: wait_random does not block the event loop (no time.sleep in a coroutine).</summary>
internal sealed class BlocksTheEventLoop : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-007",
        0,
        "wait_random does not block the event loop",
        "While wait_random(3) waits, another coroutine keeps ticking every 0.5 s on the same loop, and no blocking time.sleep is called.",
        "A blocking sleep freezes every other coroutine: wait_n would then take the sum of the delays instead of the largest.",
        "Use 'await asyncio.sleep(delay)', never time.sleep, inside a coroutine.",
        "time.sleep(delay)",
        "await asyncio.sleep(delay)");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.Judge(context, "wait_random_blocking", (observation, tolerance) => Judge(observation, tolerance, "wait_random"));

    internal static CheckOutcome Judge(Observation observation, Tolerance tolerance, string function)
    {
        var blocking = observation.BlockingSleeps.FirstOrDefault();
        if (blocking.ValueKind == JsonValueKind.Object)
        {
            var file = blocking.TryGetProperty("file", out var f) ? f.GetString() : null;
            int? line = blocking.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : null;
            var seconds = Observation.Number(blocking.GetProperty("seconds"));
            var where = file is null ? string.Empty : $" at {file}:{line}";
            return CheckOutcome.Fail(
                $"{observation.Call} called time.sleep({Observation.Format(seconds ?? 0)}){where}, which blocks the whole event loop: use 'await asyncio.sleep(...)'.",
                [new Finding(file, line, null, "time.sleep", "blocking sleep inside a coroutine")]);
        }

        var gap = Observation.Number(observation.Property("max_tick_gap"));
        return gap is not null && !tolerance.AtMost(0.5, gap.Value)
            ? CheckOutcome.Fail($"While {observation.Call} ran, the event loop stood still for {Observation.Format(gap.Value)} s: {function} blocks it instead of awaiting.")
            : CheckOutcome.Pass($"{function} lets the event loop run while it waits.");
    }
}
