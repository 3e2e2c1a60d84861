namespace Grader.Checks.CSharpAsync.WaitRandom;

// The WaitRandom calls the harness makes, with the maxDelay each one uses (WaitRandom() takes its default, 10).
internal static class WaitRandomScenarios
{
    public static readonly IReadOnlyList<(string Id, double MaxDelay)> Sized =
    [
        ("wait_random_default", 10),
        ("wait_random_5", 5),
        ("wait_random_15", 15),
    ];

    public static IReadOnlyList<string> Ids => [.. Sized.Select(scenario => scenario.Id)];
}
