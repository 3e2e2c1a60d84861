namespace Grader.Checks.PythonAsync.WaitN;

/// <summary>
/// What differs between wait_n (task 1) and task_wait_n (task 4): the function under test, what it must spawn,
/// and the probe's scenario ids. The rules themselves are the same and live in <see cref="SpawnJudge"/>.
/// </summary>
internal sealed record SpawnScenarios(
    string Function,
    string Spawned,
    string Sized,
    int SizedN,
    int SizedMaxDelay,
    string Decoupled,
    string Empty,
    string Zero)
{
    public static readonly SpawnScenarios WaitN = new("wait_n", "wait_random", "wait_n_5_5", 5, 5, "wait_n_decoupled", "wait_n_0_5", "wait_n_10_0");

    public static readonly SpawnScenarios TaskWaitN = new("task_wait_n", "task_wait_random", "task_wait_n_5_6", 5, 6, "task_wait_n_decoupled", "task_wait_n_0_6", "task_wait_n_10_0");
}
