using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitRandom;

/// <summary>PY-BEH-006: wait_random(0) returns 0.0 at once.</summary>
internal sealed class ZeroDelay : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "PY-BEH-006",
        0,
        "wait_random(0) returns 0.0 at once",
        "wait_random(0) returns 0 (as a float) and no time passes while it runs.",
        "With no room for a delay there is none to wait; wait_n(10, 0) relies on it.",
        "Draw from [0, max_delay] so that max_delay = 0 gives 0.0.",
        "delay = random.uniform(1, max_delay + 1)",
        "delay = random.uniform(0, max_delay)");

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.Judge(context, "wait_random_0", (observation, tolerance) =>
        {
            var result = Observation.Number(observation.Result);
            var waited = observation.VirtualElapsed ?? 0;
            return result == 0 && tolerance.Same(0, waited)
                ? CheckOutcome.Pass("wait_random(0) returns 0.0 at once.")
                : CheckOutcome.Fail($"wait_random(0) returned {Observation.Show(observation.Result)} after {Observation.Format(waited)} s: it must return 0.0 at once.");
        });
}
