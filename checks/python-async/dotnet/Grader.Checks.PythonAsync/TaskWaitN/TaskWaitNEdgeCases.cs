using Grader.Checks.PythonAsync.Probe;
using Grader.Checks.PythonAsync.WaitN;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.TaskWaitN;

/// <summary>PY-BEH-043: task_wait_n with n = 0 returns [], with max_delay = 0 returns ten zeros.</summary>
internal sealed class TaskWaitNEdgeCases : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-043",
        4,
        "task_wait_n handles n = 0 and max_delay = 0",
        "task_wait_n(0, 6) returns an empty list, and task_wait_n(10, 0) returns ten 0.0 values.",
        "Edge cases show whether the code follows n and max_delay rather than assuming typical values.",
        "Spawn exactly n calls (range(n)) and return what they return.",
        "return [0.0] if n == 0 else delays",
        "return delays  # [] when n == 0");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeAll(context, [SpawnScenarios.TaskWaitN.Empty, SpawnScenarios.TaskWaitN.Zero], (observations, _) => SpawnJudge.HandlesEdgeCases(observations[0], observations[1]));
}
