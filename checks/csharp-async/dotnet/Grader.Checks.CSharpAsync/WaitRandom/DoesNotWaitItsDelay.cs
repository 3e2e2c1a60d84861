using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.WaitRandom;

/// <summary>CS-BEH-002: WaitRandom really waits the delay it returns.</summary>
internal sealed class DoesNotWaitItsDelay : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-002",
        0,
        "WaitRandom waits the delay it returns",
        "Each call takes as long, on the grader's virtual clock, as the delay it returns.",
        "The exercise is the wait itself: returning a number without waiting it (or waiting another one) is not what was asked.",
        "Await Task.Delay(TimeSpan.FromSeconds(delay)) with the same delay you return.",
        "var delay = Random.Shared.NextDouble() * maxDelay;\\nreturn delay;   // never waits",
        "var delay = Random.Shared.NextDouble() * maxDelay;\\nawait Task.Delay(TimeSpan.FromSeconds(delay));\\nreturn delay;");

    public CheckOutcome Evaluate(TaskCheckContext context) => HarnessJudge.JudgeAll(context, WaitRandomScenarios.Ids, observations =>
    {
        foreach (var observation in observations)
        {
            if (Observation.Number(observation.Result) is { } value && !HarnessJudge.Same(value, observation.VirtualElapsed))
            {
                return CheckOutcome.Fail($"{observation.Call} returned {Observation.Format(value)} but took {Observation.Format(observation.VirtualElapsed)} s of the grader's clock: wait the delay you return, with await Task.Delay.");
            }
        }

        return CheckOutcome.Pass("Each WaitRandom call waits exactly the delay it returns.");
    });
}
