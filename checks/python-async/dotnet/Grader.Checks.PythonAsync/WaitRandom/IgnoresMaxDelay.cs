using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitRandom;

/// <summary>PY-BEH-002: the delay is drawn from [0, max_delay], and max_delay defaults to 10.</summary>
internal sealed class IgnoresMaxDelay : ITaskCheck
{
    // The random functions whose first two arguments are the bounds of the draw.
    private static readonly HashSet<string> Bounded = ["uniform", "randint", "randrange", "triangular"];

    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-002",
        0,
        "The delay is between 0 and max_delay (10 by default)",
        "wait_random() and wait_random(max_delay) for two values of max_delay drawn from the run's seed each return a delay in [0, max_delay] "
        + "(max_delay = 10 by default), "
        + "and when the delay is drawn with bounds (random.uniform(a, b)), the bounds are 0 and max_delay.",
        "The caller chooses the longest wait; a delay drawn from a fixed range (say 0 to 10) ignores that choice.",
        "Draw the delay with random.uniform(0, max_delay), using the parameter, and keep its default at 10.",
        "delay = random.uniform(0, 10)",
        "delay = random.uniform(0, max_delay)");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeAll(context, WaitRandomScenarios.InRange, (observations, _) =>
        {
            foreach (var observation in observations)
            {
                if (Problem(observation, WaitRandomScenarios.MaxDelay(observation)) is { } problem)
                {
                    return CheckOutcome.Fail(problem);
                }
            }

            return CheckOutcome.Pass("wait_random draws its delay between 0 and max_delay, which defaults to 10.");
        });

    // The bounds are 0 and max_delay; uniform and triangular draw from the same range whichever comes first
    // (uniform(max_delay, 0) is a correct draw), while randint and randrange need them in order.
    private static bool SpansTheRange(string function, double low, double high, double maxDelay) =>
        (low == 0 && high == maxDelay) || (function is "uniform" or "triangular" && low == maxDelay && high == 0);

    private static string? Problem(Observation observation, double maxDelay)
    {
        foreach (var draw in observation.RandomCalls)
        {
            var function = draw.GetProperty("fn").GetString() ?? "?";
            var bounds = Observation.Numbers(draw.GetProperty("args"));
            if (Bounded.Contains(function) && bounds is { Count: >= 2 } && !SpansTheRange(function, bounds[0], bounds[1], maxDelay))
            {
                return $"{observation.Call} drew its delay with random.{function}({Observation.Format(bounds[0])}, {Observation.Format(bounds[1])}), "
                    + $"but the bounds must be 0 and max_delay = {Observation.Format(maxDelay)}.";
            }
        }

        var result = Observation.Number(observation.Result);
        if (result is null)
        {
            // Fail closed: what cannot be read as a number cannot be shown to lie in the range.
            return $"{observation.Call} returned {Observation.Show(observation.Result)} (of type {observation.String("result_type") ?? "?"}), not a float in [0, {Observation.Format(maxDelay)}].";
        }

        return result >= 0 && result <= maxDelay
            ? null
            : $"{observation.Call} returned {Observation.Show(observation.Result)}, outside [0, {Observation.Format(maxDelay)}].";
    }
}
