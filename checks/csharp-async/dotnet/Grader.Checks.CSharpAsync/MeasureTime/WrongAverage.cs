using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.MeasureTime;

/// <summary>CS-BEH-020: MeasureTime times one WaitN(n, maxDelay) and returns the elapsed time divided by n.</summary>
internal sealed class WrongAverage : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-020",
        2,
        "MeasureTime returns the run time of WaitN divided by n",
        "MeasureTime(5, 9) calls WaitN(5, 9) once, waits for it, and returns the time it took on the grader's clock divided by 5.",
        "The task is to measure: a value computed from the delays, or from a clock that ignores the wait, measures nothing.",
        "Start a Stopwatch, run WaitN(n, maxDelay) to completion, and return stopwatch.Elapsed.TotalSeconds / n.",
        "return maxDelay / 2.0;   // a guess, not a measurement",
        "var stopwatch = Stopwatch.StartNew();\\nConcurrentCoroutines.WaitN(n, maxDelay).GetAwaiter().GetResult();\\nreturn stopwatch.Elapsed.TotalSeconds / n;");

    public CheckOutcome Evaluate(TaskCheckContext context) => HarnessJudge.Judge(context, "measure_time_5_9", observation =>
    {
        var calls = observation.SpyCallsOf("WaitN").ToList();
        if (calls.Count != 1 || Observation.Numbers(calls[0].GetProperty("args")) is not [5, 9])
        {
            return CheckOutcome.Fail($"{observation.Call} called WaitN {calls.Count} times{(calls.Count == 1 ? $" with {Observation.Show(calls[0].GetProperty("args"))}" : string.Empty)}; it must call WaitN(5, 9) exactly once.");
        }

        var finished = Observation.Number(calls[0], "finished_at");
        var started = Observation.Number(calls[0], "started_at") ?? 0;
        if (finished is null)
        {
            return CheckOutcome.Fail($"{observation.Call} returned before WaitN(5, 9) finished: wait for it (GetAwaiter().GetResult()) before reading the time.");
        }

        var expected = (finished.Value - started) / 5;
        var returned = Observation.Number(observation.Result);
        return returned is { } value && Math.Abs(value - expected) <= HarnessJudge.Tolerance / 5
            ? CheckOutcome.Pass($"{observation.Call} returned {Observation.Format(value)}: WaitN(5, 9) took {Observation.Format(finished.Value - started)} s, divided by 5.")
            : CheckOutcome.Fail($"WaitN(5, 9) took {Observation.Format(finished.Value - started)} s of the grader's clock, so {observation.Call} should return {Observation.Format(expected)}, but it returned {Observation.Show(observation.Result)}: "
                + "time the call with a Stopwatch and divide by n.");
    });
}
