using System.Globalization;
using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitRandom;

/// <summary>PY-BEH-005: the delay follows the random module's values, not a constant.</summary>
internal sealed class DelayNotFromRandom : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-005",
        0,
        "The delay comes from the random module",
        "The grader chooses what the random module returns; two calls of wait_random(max_delay), with max_delay drawn from the run's seed, must return delays that follow those values "
        + "(the value drawn, or max_delay times the fraction drawn), so a constant or hard-coded delay fails; so does the time measured around "
        + "the sleep, which on the virtual clock, as on a real loop, is a little more than the delay drawn.",
        "The exercise is about random delays; a fixed value hides whether the code would work with any delay.",
        "Draw the delay with the random module on every call (random.uniform(0, max_delay)) and return it.",
        "return 5.0",
        "delay = random.uniform(0, max_delay)");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.Judge(context, "wait_random_follows_random", (observation, tolerance) =>
        {
            var results = Observation.Numbers(observation.Result) ?? [];
            if (observation.RandomCalls.Count == 0)
            {
                return CheckOutcome.Fail($"{observation.Call} never called the random module: draw the delay with random.uniform(0, max_delay).");
            }

            var drawn = observation.RandomCalls
                .SelectMany(draw => new[] { Observation.Number(draw.GetProperty("value")), WaitRandomScenarios.MaxDelay(observation) * Observation.Number(draw.GetProperty("fraction")) })
                .OfType<double>()
                .ToList();
            if (!tolerance.RealClock && MeasuredTime(observation, results, drawn) is { } measured)
            {
                return CheckOutcome.Fail(
                    $"{observation.Call} returned {Precise(measured.Returned)}, the time it measured around its sleep, not the {Precise(measured.Drawn)} it drew "
                    + $"from random.{measured.Function}: a sleep ends a little after its delay on an event loop, so return the delay you drew, not the time that passed.");
            }

            var unexplained = results.FirstOrDefault(result => !drawn.Any(value => tolerance.Same(value, result)), double.NaN);
            return results.Count == 2 && double.IsNaN(unexplained)
                ? CheckOutcome.Pass("wait_random returns the delay the random module gives.")
                : CheckOutcome.Fail(
                    $"{observation.Call} returned {Observation.Show(observation.Result)} while the random module handed out "
                    + $"{Observation.Format(drawn.Where((_, index) => index % 2 == 0))}: return the random delay itself.");
        });

    // On the virtual clock a wake-up comes a little after its timer, as on a real loop: a value that is not one the
    // grader drew but is exactly how long one of the call's sleeps lasted is a measured time (a rounded delay is neither).
    private static (double Returned, double Drawn, string Function)? MeasuredTime(Observation observation, IReadOnlyList<double> results, List<double> drawn)
    {
        var lasted = observation.SleepCalls
            .Select(sleep => (Start: Observation.Number(sleep.GetProperty("started_at")), End: Observation.Number(sleep.GetProperty("woke_at"))))
            .Where(sleep => sleep.Start is not null && sleep.End is not null)
            .Select(sleep => sleep.End!.Value - sleep.Start!.Value)
            .ToList();
        foreach (var result in results)
        {
            if (!drawn.Any(value => Tolerance.Identical(value, result)) && lasted.Any(duration => Tolerance.Identical(duration, result)))
            {
                var nearest = observation.RandomCalls.MinBy(draw => Math.Abs((Observation.Number(draw.GetProperty("value")) ?? double.MaxValue) - result));
                return (result, Observation.Number(nearest.GetProperty("value")) ?? double.NaN, nearest.GetProperty("fn").GetString() ?? "uniform");
            }
        }

        return null;
    }

    private static string Precise(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
