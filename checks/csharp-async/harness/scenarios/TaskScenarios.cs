namespace GraderHarness;

/// <summary>
/// The scenarios of each task, as the Python probe runs them (checks/python-async/probe/README.md): the
/// course's example calls, the edge cases, and the decoupled scenarios that prove completion order.
/// </summary>
internal static class TaskScenarios
{
    // Decoupling: draws 0.5, 0.9, 0.1, 0.7, 0.3 of WaitRandom(5) give 2.5, 4.5, 0.5, 3.5, 1.5, which really wait
    // 2.5, 1.5, 1.0, 0.5, 2.0: concurrent waits finish 3.5, 0.5, 4.5, 1.5, 2.5, neither sorted nor in spawn order.
    private static readonly double[] DecoupledDraws = [0.5, 0.9, 0.1, 0.7, 0.3];
    private static readonly double[] WakePlan = [2.5, 1.5, 1.0, 0.5, 2.0];

    public static IReadOnlyList<Scenario> For(int task, int seed) => task switch
    {
        0 =>
        [
            new("wait_random_default", "WaitRandom()", () => WaitRandom(Type.Missing), []),
            new("wait_random_5", "WaitRandom(5)", () => WaitRandom(5), []),
            new("wait_random_15", "WaitRandom(15)", () => WaitRandom(15), []),
            new("wait_random_0", "WaitRandom(0)", () => WaitRandom(0), []),
        ],
        1 =>
        [
            new("wait_n_5_5", "WaitN(5, 5)", () => WaitN(5, 5), Spread(5, seed, "wait_n_5_5")),
            new("wait_n_10_7", "WaitN(10, 7)", () => WaitN(10, 7), Spread(10, seed, "wait_n_10_7")),
            new("wait_n_decoupled", "WaitN(5, 5)", () => WaitN(5, 5), DecoupledDraws, 5, WakePlan),
            new("wait_n_0_5", "WaitN(0, 5)", () => WaitN(0, 5), []),
            new("wait_n_10_0", "WaitN(10, 0)", () => WaitN(10, 0), []),
        ],
        2 =>
        [
            new("measure_time_5_9", "MeasureTime(5, 9)", () => StudentApi.Call("MeasureRuntime", "MeasureTime", 5, 9), Spread(5, seed, "measure_time_5_9")),
        ],
        3 =>
        [
            new("task_wait_random_5", "TaskWaitRandom(5)", () => StudentApi.Call("Tasks", "TaskWaitRandom", 5), []),
        ],
        4 =>
        [
            new("task_wait_n_5_6", "TaskWaitN(5, 6)", () => TaskWaitN(5, 6), Spread(5, seed, "task_wait_n_5_6")),
            new("task_wait_n_decoupled", "TaskWaitN(5, 5)", () => TaskWaitN(5, 5), DecoupledDraws, 5, WakePlan),
            new("task_wait_n_0_6", "TaskWaitN(0, 6)", () => TaskWaitN(0, 6), []),
            new("task_wait_n_10_0", "TaskWaitN(10, 0)", () => TaskWaitN(10, 0), []),
        ],
        _ => [],
    };

    private static object? WaitRandom(object maxDelay) => StudentApi.Call("BasicAsyncSyntax", "WaitRandom", maxDelay);

    private static object? WaitN(int n, int maxDelay) => StudentApi.Call("ConcurrentCoroutines", "WaitN", n, maxDelay);

    private static object? TaskWaitN(int n, int maxDelay) => StudentApi.Call("Tasks", "TaskWaitN", n, maxDelay);

    // One fraction per n-th of [0, 1), in the middle half of its slot, shuffled: no two delays closer than half a slot.
    private static double[] Spread(int n, int seed, string id)
    {
        var random = new Random(ScenarioState.SeedFor(seed, id + ":spread"));
        var fractions = Enumerable.Range(0, n).Select(slot => (slot + 0.25 + (0.5 * random.NextDouble())) / n).ToArray();
        random.Shuffle(fractions);
        return fractions;
    }
}
