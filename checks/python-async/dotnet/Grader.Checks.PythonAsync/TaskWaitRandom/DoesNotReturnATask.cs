using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.TaskWaitRandom;

/// <summary>PY-BEH-030: task_wait_random, called inside a running loop, returns an asyncio.Task.</summary>
internal sealed class DoesNotReturnATask : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-030",
        3,
        "task_wait_random returns an asyncio.Task",
        "Called (not awaited) inside a running event loop, task_wait_random(max_delay) returns an asyncio.Task object, for two values of max_delay drawn from the run's seed.",
        "A Task starts running at once and can be awaited or collected later; a bare coroutine does nothing until awaited.",
        "Return asyncio.create_task(wait_random(max_delay)) from a regular def.",
        "def task_wait_random(max_delay: int) -> asyncio.Task:\\n    return wait_random(max_delay)",
        "def task_wait_random(max_delay: int) -> asyncio.Task:\\n    return asyncio.create_task(wait_random(max_delay))");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeEach(context, TaskWaitRandomScenarios.Ids, (observation, _) =>
        {
            if (observation.Bool("is_task") == true)
            {
                return CheckOutcome.Pass("task_wait_random returns an asyncio.Task.");
            }

            var returned = observation.String("returned_class") ?? observation.String("returned_type") ?? "something else";
            return CheckOutcome.Fail(observation.Bool("is_coroutine") == true
                ? $"{observation.Call} returned a coroutine, not a Task: wrap it with asyncio.create_task(wait_random(max_delay))."
                : $"{observation.Call} returned a {returned}, not an asyncio.Task: return asyncio.create_task(wait_random(max_delay)).");
        },
        usableDespiteFailure: observation => observation.Bool("is_task") is not null);
}
