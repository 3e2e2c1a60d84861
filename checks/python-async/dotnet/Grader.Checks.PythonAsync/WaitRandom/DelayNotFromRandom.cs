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
        "The grader chooses what the random module returns; two calls of wait_random(10) must return delays that follow those values "
        + "(the value drawn, or max_delay times the fraction drawn), so a constant or hard-coded delay fails.",
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
                .SelectMany(draw => new[] { Observation.Number(draw.GetProperty("value")), 10 * Observation.Number(draw.GetProperty("fraction")) })
                .OfType<double>()
                .ToList();
            var unexplained = results.FirstOrDefault(result => !drawn.Any(value => tolerance.Same(value, result)), double.NaN);
            return results.Count == 2 && double.IsNaN(unexplained)
                ? CheckOutcome.Pass("wait_random returns the delay the random module gives.")
                : CheckOutcome.Fail(
                    $"{observation.Call} returned {Observation.Show(observation.Result)} while the random module handed out "
                    + $"{Observation.Format(drawn.Where((_, index) => index % 2 == 0))}: return the random delay itself.");
        });
}
