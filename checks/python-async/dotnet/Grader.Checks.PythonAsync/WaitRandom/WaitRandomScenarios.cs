namespace Grader.Checks.PythonAsync.WaitRandom;

// The probe's wait_random calls with an argument, and the max_delay each one means.
internal static class WaitRandomScenarios
{
    public static readonly IReadOnlyList<(string Scenario, double MaxDelay)> InRange =
    [
        ("wait_random_default", 10),
        ("wait_random_5", 5),
        ("wait_random_15", 15),
    ];
}
