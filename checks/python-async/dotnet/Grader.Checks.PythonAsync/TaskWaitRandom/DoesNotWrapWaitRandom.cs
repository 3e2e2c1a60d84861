using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.TaskWaitRandom;

/// <summary>PY-BEH-031: the task wraps wait_random(max_delay), and its result is that delay.</summary>
internal sealed class DoesNotWrapWaitRandom : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-031",
        3,
        "The task wraps wait_random(max_delay)",
        "The object task_wait_random(max_delay) returns runs wait_random(max_delay) exactly once, and awaiting it gives that call's delay, for two values of max_delay drawn from the run's seed.",
        "task_wait_n relies on each task being one wait_random(max_delay) with its delay as result.",
        "Pass max_delay through: asyncio.create_task(wait_random(max_delay)).",
        "return asyncio.create_task(wait_random())",
        "return asyncio.create_task(wait_random(max_delay))");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeEach(context, TaskWaitRandomScenarios.Ids, (observation, tolerance) =>
        {
            var maxDelay = observation.Argument(0, -1);
            var calls = observation.SpyCallsOf("wait_random").ToList();
            if (calls.Count != 1)
            {
                return CheckOutcome.Fail($"{observation.Call} ran wait_random {calls.Count} times; its task must run wait_random(max_delay) once.");
            }

            if (SpyArguments.Get(calls[0], 0, "max_delay") != maxDelay)
            {
                return CheckOutcome.Fail($"{observation.Call} ran wait_random with {Observation.Show(calls[0].GetProperty("args"))}; it must pass max_delay = {maxDelay}.");
            }

            var delay = Observation.Number(calls[0].GetProperty("returned"));
            var result = Observation.Number(observation.Result);
            return delay is not null && result is not null && tolerance.Same(delay.Value, result.Value)
                ? CheckOutcome.Pass("task_wait_random's task runs wait_random(max_delay) and gives its delay.")
                : CheckOutcome.Fail($"Awaiting what {observation.Call} returned gave {Observation.Show(observation.Result)}, not the delay its wait_random({maxDelay}) call returned ({Observation.Show(calls[0].GetProperty("returned"))}): the task must wrap that call and give its result.");
        });
}
