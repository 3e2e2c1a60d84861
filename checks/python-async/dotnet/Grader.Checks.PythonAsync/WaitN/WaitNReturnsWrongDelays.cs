using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitN;

/// <summary>PY-BEH-010: wait_n returns the n delays of n wait_random(max_delay) calls.</summary>
internal sealed class WaitNReturnsWrongDelays : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = SpawnDescriptors.ReturnsEachDelay("PY-BEH-010", 1, SpawnScenarios.WaitN);

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeEach(context, SpawnScenarios.WaitN.Sized, (observation, tolerance) => SpawnJudge.ReturnsEachDelay(observation, SpawnScenarios.WaitN, tolerance));
}
