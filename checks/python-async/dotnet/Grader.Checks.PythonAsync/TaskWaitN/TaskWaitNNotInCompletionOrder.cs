using Grader.Checks.PythonAsync.Probe;
using Grader.Checks.PythonAsync.WaitN;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.TaskWaitN;

/// <summary>PY-BEH-042: task_wait_n returns the delays in completion order, not by sorting them.</summary>
internal sealed class TaskWaitNNotInCompletionOrder : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = SpawnDescriptors.ReturnsCompletionOrder("PY-BEH-042", 4, SpawnScenarios.TaskWaitN);

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeEach(context, SpawnScenarios.TaskWaitN.OrderProof, (observation, tolerance) =>
            SpawnJudge.ReturnsCompletionOrder(observation, tolerance, SpawnJudge.SortingEvidence(context, SpawnScenarios.TaskWaitN.Function)));
}
