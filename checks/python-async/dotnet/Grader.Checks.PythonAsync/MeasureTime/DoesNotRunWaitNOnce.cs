using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.MeasureTime;

/// <summary>PY-BEH-020: measure_time(n, max_delay) runs wait_n(n, max_delay) exactly once.</summary>
internal sealed class DoesNotRunWaitNOnce : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-020",
        2,
        "measure_time runs wait_n(n, max_delay) once",
        "Called from outside any event loop, measure_time(n, max_delay) runs wait_n(n, max_delay) exactly once (seen by a spy on wait_n), for two pairs of values drawn from the run's seed.",
        "The task is to time wait_n: running it twice, with other arguments, or not at all measures something else.",
        "Call asyncio.run(wait_n(n, max_delay)) once between the two time readings.",
        "asyncio.run(wait_n(n, 5))",
        "asyncio.run(wait_n(n, max_delay))");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeEach(context, MeasureTimeScenarios.Ids, (observation, _) =>
        {
            var (expectedN, expectedMaxDelay) = (observation.Argument(0, -1), observation.Argument(1, -1));
            var calls = observation.SpyCallsOf("wait_n").ToList();
            if (calls.Count != 1)
            {
                return CheckOutcome.Fail($"{observation.Call} ran wait_n {calls.Count} times; it must run wait_n({expectedN}, {expectedMaxDelay}) exactly once.");
            }

            var (n, maxDelay) = (SpyArguments.Get(calls[0], 0, "n"), SpyArguments.Get(calls[0], 1, "max_delay"));
            return n == expectedN && maxDelay == expectedMaxDelay
                ? CheckOutcome.Pass("measure_time runs wait_n(n, max_delay) once.")
                : CheckOutcome.Fail($"{observation.Call} ran wait_n with {Observation.Show(calls[0].GetProperty("args"))} {Observation.Show(calls[0].GetProperty("kwargs"))}; it must pass n = {expectedN} and max_delay = {expectedMaxDelay}.");
        });
}
