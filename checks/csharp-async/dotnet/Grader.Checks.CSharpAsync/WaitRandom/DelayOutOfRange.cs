using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.WaitRandom;

/// <summary>CS-BEH-001: WaitRandom returns a delay between 0 and maxDelay.</summary>
internal sealed class DelayOutOfRange : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-001",
        0,
        "WaitRandom returns a delay between 0 and maxDelay",
        "WaitRandom(), WaitRandom(5) and WaitRandom(15) each return a number in [0, maxDelay] (maxDelay defaults to 10).",
        "The delay is the task's whole output; a value outside the range means maxDelay was ignored or the default is wrong.",
        "Scale a random fraction by maxDelay: Random.Shared.NextDouble() * maxDelay.",
        "var delay = Random.Shared.NextDouble() * 10;   // ignores maxDelay",
        "var delay = Random.Shared.NextDouble() * maxDelay;");

    public CheckOutcome Evaluate(TaskCheckContext context) => HarnessJudge.JudgeAll(context, WaitRandomScenarios.Ids, observations =>
    {
        foreach (var (observation, (_, max)) in observations.Zip(WaitRandomScenarios.Sized))
        {
            if (Observation.Number(observation.Result) is not { } value || value < 0 || value > max)
            {
                return CheckOutcome.Fail($"{observation.Call} returned {Observation.Show(observation.Result)}; it must return a delay between 0 and {Observation.Format(max)}.");
            }
        }

        return CheckOutcome.Pass("WaitRandom(), WaitRandom(5) and WaitRandom(15) return delays within [0, maxDelay].");
    });
}
