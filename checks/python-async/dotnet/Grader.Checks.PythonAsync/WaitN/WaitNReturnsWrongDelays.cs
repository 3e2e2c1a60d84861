using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitN;

/// <summary>PY-BEH-010: wait_n(n, max_delay) returns the n delays of n wait_random(max_delay) calls.</summary>
internal sealed class WaitNReturnsWrongDelays : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-010",
        1,
        "wait_n returns the delays of n wait_random calls",
        "wait_n(5, 5) calls wait_random exactly n times with max_delay, and returns a list of the n delays those calls produced (no more, no fewer, no others).",
        "The list is the task's answer: each element must be a real delay that was waited, one per spawned call.",
        "Call wait_random(max_delay) n times and return the list of their results.",
        "return [await wait_random(max_delay)]",
        "one wait_random(max_delay) per i in range(n), all results collected");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.Judge(context, SpawnScenarios.WaitN.Sized, (observation, tolerance) => SpawnJudge.ReturnsEachDelay(observation, SpawnScenarios.WaitN, tolerance));
}
