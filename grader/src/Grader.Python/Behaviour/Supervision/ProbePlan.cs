using System.Collections.Immutable;

namespace Grader.Python.Behaviour.Supervision;

/// <summary>
/// What the supervisor plans for one scenario: the fractions the random functions hand out first, how many of the
/// first draws are spread apart (so that concurrent delays never almost tie), and, for the order proof, how long the
/// sleep of the k-th random value really lasts.
/// </summary>
/// <param name="WakePlan">Null, or the real length of a sleep whose delay equals the k-th value drawn (decoupling).</param>
internal sealed record ScenarioPlan(ImmutableArray<double> Fractions, int Spread, ImmutableArray<double>? WakePlan)
{
    public static readonly ScenarioPlan Seeded = new([], 0, null);
}

/// <summary>
/// The scenarios of each task, in the order the probe runs them (checks/python-async/probe/asyncprobe/scenarios.py
/// holds the calls), and the supervisor's plan for each. The probe only names the scenario it begins: a name out of
/// this order is refused, and what the random functions give and how long sleeps last is decided here.
/// </summary>
internal static class ProbePlan
{
    // uniform(0, 5) hands out, in spawn order, 2.5, 4.5, 0.5, 3.5, 1.5; the sleep of the k-th value really lasts
    // DecoupledWakes[k], so the coroutines finish in the order 3.5, 0.5, 4.5, 1.5, 2.5: unlike the spawn order and
    // unlike the order of the values.
    private static readonly ScenarioPlan Decoupled = new([0.5, 0.9, 0.1, 0.7, 0.3], 0, [2.5, 1.5, 1.0, 0.5, 2.0]);

    private static readonly ImmutableDictionary<string, ScenarioPlan> Plans = new Dictionary<string, ScenarioPlan>
    {
        ["wait_random_follows_random"] = new([0.123, 0.877], 0, null),
        ["wait_n_5_5"] = new([], 5, null),
        ["wait_n_10_7"] = new([], 10, null),
        ["wait_n_decoupled"] = Decoupled,
        ["wait_n_blocking"] = new([], 5, null),
        ["measure_time_5_9"] = new([], 5, null),
        ["task_wait_n_5_6"] = new([], 5, null),
        ["task_wait_n_decoupled"] = Decoupled,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<int, ImmutableArray<string>> Scenarios = new Dictionary<int, ImmutableArray<string>>
    {
        [0] = ["import", "wait_random_is_coroutine", "wait_random_default", "wait_random_5", "wait_random_15", "wait_random_0", "wait_random_follows_random", "wait_random_blocking"],
        [1] = ["import", "wait_n_is_coroutine", "wait_n_5_5", "wait_n_10_7", "wait_n_decoupled", "wait_n_0_5", "wait_n_10_0", "wait_n_blocking"],
        [2] = ["import", "measure_time_is_regular", "measure_time_5_9"],
        [3] = ["import", "task_wait_random_is_regular", "task_wait_random_5"],
        [4] = ["import", "task_wait_n_is_coroutine", "task_wait_n_5_6", "task_wait_n_decoupled", "task_wait_n_0_6", "task_wait_n_10_0"],
    }.ToImmutableDictionary();

    public static bool HasTask(int task) => Scenarios.ContainsKey(task);

    /// <summary>The scenario ids of <paramref name="task"/>, in the order they run.</summary>
    public static ImmutableArray<string> ScenariosOf(int task) => Scenarios.TryGetValue(task, out var ids) ? ids : [];

    public static ScenarioPlan For(string scenario) => Plans.GetValueOrDefault(scenario, ScenarioPlan.Seeded);
}
