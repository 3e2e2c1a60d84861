namespace GraderHarness;

/// <summary>
/// The scenarios of each task, as the Python probe runs them (checks/python-async/probe/README.md): the
/// course's example calls, the edge cases, and the decoupled scenarios that prove completion order. Their order
/// and plans are the supervisor's (HarnessPlan): a scenario here that it does not expect is refused.
/// </summary>
internal static class TaskScenarios
{
    public static IReadOnlyList<Scenario> For(int task) => task switch
    {
        0 =>
        [
            new("wait_random_default", "WaitRandom()", () => WaitRandom(Type.Missing)),
            new("wait_random_5", "WaitRandom(5)", () => WaitRandom(5)),
            new("wait_random_15", "WaitRandom(15)", () => WaitRandom(15)),
            new("wait_random_0", "WaitRandom(0)", () => WaitRandom(0)),
        ],
        1 =>
        [
            new("wait_n_5_5", "WaitN(5, 5)", () => WaitN(5, 5)),
            new("wait_n_10_7", "WaitN(10, 7)", () => WaitN(10, 7)),
            new("wait_n_decoupled", "WaitN(5, 5)", () => WaitN(5, 5)),
            new("wait_n_0_5", "WaitN(0, 5)", () => WaitN(0, 5)),
            new("wait_n_10_0", "WaitN(10, 0)", () => WaitN(10, 0)),
        ],
        2 =>
        [
            new("measure_time_5_9", "MeasureTime(5, 9)", () => StudentApi.Call("MeasureRuntime", "MeasureTime", 5, 9)),
        ],
        3 =>
        [
            new("task_wait_random_5", "TaskWaitRandom(5)", () => StudentApi.Call("Tasks", "TaskWaitRandom", 5)),
        ],
        4 =>
        [
            new("task_wait_n_5_6", "TaskWaitN(5, 6)", () => TaskWaitN(5, 6)),
            new("task_wait_n_decoupled", "TaskWaitN(5, 5)", () => TaskWaitN(5, 5)),
            new("task_wait_n_0_6", "TaskWaitN(0, 6)", () => TaskWaitN(0, 6)),
            new("task_wait_n_10_0", "TaskWaitN(10, 0)", () => TaskWaitN(10, 0)),
        ],
        _ => [],
    };

    private static object? WaitRandom(object maxDelay) => StudentApi.Call("BasicAsyncSyntax", "WaitRandom", maxDelay);

    private static object? WaitN(int n, int maxDelay) => StudentApi.Call("ConcurrentCoroutines", "WaitN", n, maxDelay);

    private static object? TaskWaitN(int n, int maxDelay) => StudentApi.Call("Tasks", "TaskWaitN", n, maxDelay);
}
