using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.MeasureTime;

/// <summary>PY-BEH-021: measure_time returns the elapsed time divided by n, as a float.</summary>
internal sealed class WrongAverage : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-021",
        2,
        "measure_time returns the total time divided by n",
        "measure_time(n, max_delay), for two pairs of values drawn from the run's seed, returns a float equal to the time that passed while it ran, divided by n (compared with the virtual clock, within a tolerance).",
        "The assignment asks for total_time / n: the average time per coroutine, which shows the benefit of running them concurrently.",
        "Read time.perf_counter() before and after asyncio.run(wait_n(n, max_delay)) and return (end - start) / n.",
        "return time.perf_counter() - start",
        "return (time.perf_counter() - start) / n");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeEach(context, MeasureTimeScenarios.Ids, (observation, tolerance) =>
        {
            var n = observation.Argument(0, 1);
            var returned = Observation.Number(observation.Result);
            var took = observation.VirtualElapsed ?? 0;
            if (returned is null || observation.String("result_type") != "float")
            {
                return CheckOutcome.Fail($"{observation.Call} returned {Observation.Show(observation.Result)} (of type {observation.String("result_type") ?? "?"}); it must return a float: the total time divided by n.");
            }

            var expected = took / n;
            return tolerance.Same(expected, returned.Value)
                ? CheckOutcome.Pass($"{observation.Call} returned {Observation.Format(returned.Value)} for {Observation.Format(took)} s in total: the total divided by n.")
                : CheckOutcome.Fail($"{observation.Call} returned {Observation.Format(returned.Value)}, but it ran for {Observation.Format(took)} s, so it should return {Observation.Format(took)} / {n} = {Observation.Format(expected)}.");
        });
}
