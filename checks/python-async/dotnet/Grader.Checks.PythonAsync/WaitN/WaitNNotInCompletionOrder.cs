using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitN;

/// <summary>PY-BEH-012: wait_n returns the delays in completion order, not by sorting them.</summary>
internal sealed class WaitNNotInCompletionOrder : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = SpawnDescriptors.ReturnsCompletionOrder("PY-BEH-012", 1, SpawnScenarios.WaitN);

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeEach(context, SpawnScenarios.WaitN.OrderProof, (observation, tolerance) =>
            SpawnJudge.ReturnsCompletionOrder(observation, tolerance, SpawnJudge.SortingEvidence(context, SpawnScenarios.WaitN.Function)));
}
