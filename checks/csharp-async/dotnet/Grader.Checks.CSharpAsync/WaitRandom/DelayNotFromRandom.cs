using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.WaitRandom;

/// <summary>CS-BEH-003: the delay is a random fraction of maxDelay, drawn from Random.</summary>
internal sealed class DelayNotFromRandom : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-003",
        0,
        "The delay is drawn from Random over the whole range",
        "Each WaitRandom call draws from Random (the grader hands out known fractions) and returns that fraction of maxDelay, a double anywhere in [0, maxDelay], not whole seconds.",
        "The task asks for a random float delay; Random.Next(maxDelay) gives whole seconds only, and a fixed value is not random.",
        "Use Random.Shared.NextDouble() * maxDelay (or new Random().NextDouble() * maxDelay).",
        "var delay = Random.Shared.Next(0, maxDelay);   // whole seconds",
        "var delay = Random.Shared.NextDouble() * maxDelay;");

    public CheckOutcome Evaluate(TaskCheckContext context) => HarnessJudge.JudgeAll(context, WaitRandomScenarios.Ids, observations =>
    {
        foreach (var (observation, (_, max)) in observations.Zip(WaitRandomScenarios.Sized))
        {
            var fractions = observation.Array("random_calls").Select(call => Observation.Number(call, "fraction")).OfType<double>().ToList();
            if (fractions.Count == 0)
            {
                return CheckOutcome.Fail($"{observation.Call} never drew from Random: the delay must be random (Random.Shared.NextDouble() * maxDelay).");
            }

            var value = Observation.Number(observation.Result) ?? double.NaN;
            if (!fractions.Any(fraction => HarnessJudge.Same(fraction * max, value)))
            {
                var expected = fractions[^1] * max;
                return CheckOutcome.Fail(
                    $"{observation.Call} drew the fraction {Observation.Format(fractions[^1])} from Random, so the delay should be {Observation.Format(expected)}, but it returned {Observation.Format(value)}: "
                    + "use the fraction scaled by maxDelay (NextDouble() * maxDelay), not whole seconds or another range.");
            }
        }

        return CheckOutcome.Pass("Each delay is the drawn random fraction of maxDelay.");
    });
}
