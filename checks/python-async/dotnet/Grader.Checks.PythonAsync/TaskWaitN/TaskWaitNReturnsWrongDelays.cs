using Grader.Checks.PythonAsync.Probe;
using Grader.Checks.PythonAsync.WaitN;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.TaskWaitN;

/// <summary>PY-BEH-040: task_wait_n(n, max_delay) returns the n delays of n task_wait_random(max_delay) calls.</summary>
internal sealed class TaskWaitNReturnsWrongDelays : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-040",
        4,
        "task_wait_n returns the delays of n task_wait_random calls",
        "task_wait_n(5, 6) calls task_wait_random exactly n times with max_delay, and returns a list of the n delays those calls produced (no more, no fewer, no others).",
        "The list is the task's answer: each element must be a real delay that was waited, one per spawned call.",
        "Call task_wait_random(max_delay) n times and return the list of their results.",
        "return [await task_wait_random(max_delay)]",
        "one task_wait_random(max_delay) per i in range(n), all results collected");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.Judge(context, SpawnScenarios.TaskWaitN.Sized, (observation, tolerance) => SpawnJudge.ReturnsEachDelay(observation, SpawnScenarios.TaskWaitN, tolerance));
}
