using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitN;

/// <summary>PY-BEH-013: wait_n with n = 0 returns [], with max_delay = 0 returns ten zeros.</summary>
internal sealed class WaitNEdgeCases : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-013",
        1,
        "wait_n handles n = 0 and max_delay = 0",
        "wait_n(0, 5) returns an empty list, and wait_n(10, 0) returns ten 0.0 values.",
        "Edge cases show whether the code follows n and max_delay rather than assuming typical values.",
        "Spawn exactly n calls (range(n)) and return what they return.",
        "return [0.0] if n == 0 else delays",
        "return delays  # [] when n == 0");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeAll(context, [SpawnScenarios.WaitN.Empty, SpawnScenarios.WaitN.Zero], (observations, _) => SpawnJudge.HandlesEdgeCases(observations[0], observations[1]));
}
