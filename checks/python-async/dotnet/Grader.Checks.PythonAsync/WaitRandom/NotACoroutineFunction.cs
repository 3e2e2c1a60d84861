using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitRandom;

/// <summary>PY-BEH-001: at run time, wait_random is a coroutine function.</summary>
internal sealed class NotACoroutineFunction : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-001",
        0,
        "wait_random is a coroutine function",
        "Imported and inspected, wait_random is a coroutine function (inspect.iscoroutinefunction), so that calling it gives something to await.",
        "wait_n and task_wait_random await it or wrap it in a Task; a regular function cannot be awaited.",
        "Define it with 'async def' and do not replace it afterwards (no decorator or reassignment that hides the coroutine).",
        "def wait_random(max_delay: int = 10) -> float:",
        "async def wait_random(max_delay: int = 10) -> float:");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.Judge(context, "wait_random_is_coroutine", (observation, _) => observation.Bool("iscoroutinefunction") == true
            ? CheckOutcome.Pass("wait_random is a coroutine function.")
            : CheckOutcome.Fail($"wait_random is not a coroutine function at run time (it is a {observation.String("object_type") ?? "?"}): define it with 'async def'."));
}
