using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitRandom;

/// <summary>PY-BEH-004: wait_random really waits the delay it returns.</summary>
internal sealed class DoesNotWaitItsDelay : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-004",
        0,
        "wait_random waits the delay it returns",
        "The time that passes on the event loop's clock while wait_random runs equals the delay it returns (virtual time; "
        + "with --clock real, scaled real time).",
        "The delay is the point of the exercise: returning a number without waiting it (or waiting another one) breaks the timing of every later task.",
        "Await asyncio.sleep(delay) with the very value you return.",
        "await asyncio.sleep(max_delay)\\nreturn random.uniform(0, max_delay)",
        "delay = random.uniform(0, max_delay)\\nawait asyncio.sleep(delay)\\nreturn delay");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeAll(context, WaitRandomScenarios.InRange, (observations, tolerance) =>
        {
            foreach (var observation in observations)
            {
                var returned = Observation.Number(observation.Result);
                var waited = observation.VirtualElapsed;
                if (returned is null)
                {
                    // Fail closed: a value the grader cannot read as a number (a float subclass, say) is no delay it can check.
                    return CheckOutcome.Fail(
                        $"{observation.Call} returned {Observation.Show(observation.Result)} (of type {observation.String("result_type") ?? "?"}), not a float, "
                        + "so whether it waited its delay cannot be told: return the float you await asyncio.sleep with.");
                }

                if (returned is not null && waited is not null && !tolerance.Same(returned.Value, waited.Value))
                {
                    return CheckOutcome.Fail(
                        $"{observation.Call} returned {Observation.Format(returned.Value)} but {Observation.Format(waited.Value)} s passed while it ran: "
                        + "await asyncio.sleep(delay) with the delay you return.");
                }
            }

            return CheckOutcome.Pass("wait_random waits exactly the delay it returns.");
        });
}
