using Grader.Checks.PythonAsync.Probe;
using Grader.Checks.PythonAsync.WaitN;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.TaskWaitN;

/// <summary>PY-BEH-040: task_wait_n returns the n delays of n task_wait_random(max_delay) calls.</summary>
internal sealed class TaskWaitNReturnsWrongDelays : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = SpawnDescriptors.ReturnsEachDelay("PY-BEH-040", 4, SpawnScenarios.TaskWaitN);

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeEach(context, SpawnScenarios.TaskWaitN.Sized, (observation, tolerance) => SpawnJudge.ReturnsEachDelay(observation, SpawnScenarios.TaskWaitN, tolerance));
}
