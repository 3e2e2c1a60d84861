using Grader.Checks.PythonAsync.Probe;

namespace Grader.Checks.PythonAsync.WaitRandom;

// The probe's wait_random calls whose delay must lie in range: with the default max_delay, and with two values the
// supervisor draws from the run's seed.
internal static class WaitRandomScenarios
{
    public const int DefaultMaxDelay = 10;

    public static readonly IReadOnlyList<string> InRange = ["wait_random_default", "wait_random_short", "wait_random_long"];

    public static double MaxDelay(Observation observation) => observation.Argument(0, DefaultMaxDelay);
}
