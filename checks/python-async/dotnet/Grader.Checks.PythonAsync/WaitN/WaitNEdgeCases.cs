using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitN;

/// <summary>PY-BEH-013: wait_n with n = 0 returns [], with max_delay = 0 returns ten zeros.</summary>
internal sealed class WaitNEdgeCases : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = SpawnDescriptors.HandlesEdgeCases("PY-BEH-013", 1, SpawnScenarios.WaitN);

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeAll(context, [SpawnScenarios.WaitN.Empty, SpawnScenarios.WaitN.Zero], (observations, _) => SpawnJudge.HandlesEdgeCases(SpawnScenarios.WaitN, observations[0], observations[1]));
}
