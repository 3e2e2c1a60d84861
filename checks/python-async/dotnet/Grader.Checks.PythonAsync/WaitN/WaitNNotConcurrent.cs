using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitN;

/// <summary>PY-BEH-011: wait_n runs its wait_random calls concurrently.</summary>
internal sealed class WaitNNotConcurrent : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = SpawnDescriptors.RunsConcurrently("PY-BEH-011", 1, SpawnScenarios.WaitN);

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeEach(context, SpawnScenarios.WaitN.Sized, SpawnJudge.RunsConcurrently);
}
