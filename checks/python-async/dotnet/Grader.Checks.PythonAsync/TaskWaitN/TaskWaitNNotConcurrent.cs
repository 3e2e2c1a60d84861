using Grader.Checks.PythonAsync.Probe;
using Grader.Checks.PythonAsync.WaitN;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.TaskWaitN;

/// <summary>PY-BEH-041: task_wait_n runs its task_wait_random calls concurrently.</summary>
internal sealed class TaskWaitNNotConcurrent : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = SpawnDescriptors.RunsConcurrently("PY-BEH-041", 4, SpawnScenarios.TaskWaitN);

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeEach(context, SpawnScenarios.TaskWaitN.Sized, SpawnJudge.RunsConcurrently);
}
