using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitRandom;

/// <summary>PY-BEH-003: wait_random returns a float.</summary>
internal sealed class DoesNotReturnAFloat : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-003",
        0,
        "wait_random returns a float",
        "Awaiting wait_random() and wait_random(max_delay), for two values of max_delay drawn from the run's seed, gives a float (not an int, a bool, None or a string).",
        "The assignment asks for a random float delay; random.randint gives whole seconds only.",
        "Use random.uniform(0, max_delay), which returns a float, and return that value.",
        "delay = random.randint(0, max_delay)",
        "delay = random.uniform(0, max_delay)");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.JudgeAll(context, WaitRandomScenarios.InRange, (observations, _) =>
        {
            var wrong = observations.FirstOrDefault(observation => observation.String("result_type") != "float");
            return wrong is null
                ? CheckOutcome.Pass("wait_random returns a float.")
                : CheckOutcome.Fail($"{wrong.Call} returned {Observation.Show(wrong.Result)} (of type {wrong.String("result_type") ?? "?"}), not a float: "
                    + "return the float delay, e.g. from random.uniform (random.randint gives an int).");
        });
}
