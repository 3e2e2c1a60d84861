namespace Grader.Checks.PythonAsync.WaitN;

/// <summary>
/// What differs between wait_n (task 1) and task_wait_n (task 4): the function under test, what it must spawn,
/// and the probe's scenario ids. Each rule is tried with two pairs of arguments the supervisor draws from the run's seed
/// (the observation's args); the rules themselves are the same and live in <see cref="SpawnJudge"/>.
/// </summary>
internal sealed record SpawnScenarios(
    string Function,
    string Spawned,
    IReadOnlyList<string> Sized,
    IReadOnlyList<string> OrderProof,
    string Empty,
    string Zero)
{
    public static readonly SpawnScenarios WaitN = new(
        "wait_n", "wait_random", ["wait_n_few", "wait_n_many"], ["wait_n_order_few", "wait_n_order_many"], "wait_n_none", "wait_n_zero");

    public static readonly SpawnScenarios TaskWaitN = new(
        "task_wait_n", "task_wait_random", ["task_wait_n_few", "task_wait_n_many"], ["task_wait_n_order_few", "task_wait_n_order_many"], "task_wait_n_none", "task_wait_n_zero");
}
