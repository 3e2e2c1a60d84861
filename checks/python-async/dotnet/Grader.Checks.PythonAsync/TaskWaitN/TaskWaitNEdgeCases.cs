using Grader.Checks.PythonAsync.Probe;
using Grader.Checks.PythonAsync.WaitN;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.TaskWaitN;

/// <summary>PY-BEH-043: task_wait_n with n = 0 returns [], with max_delay = 0 returns ten zeros.</summary>
internal sealed class TaskWaitNEdgeCases : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = SpawnDescriptors.HandlesEdgeCases("PY-BEH-043", 4, SpawnScenarios.TaskWaitN);

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeAll(context, [SpawnScenarios.TaskWaitN.Empty, SpawnScenarios.TaskWaitN.Zero], (observations, _) => SpawnJudge.HandlesEdgeCases(SpawnScenarios.TaskWaitN, observations[0], observations[1]));
}
