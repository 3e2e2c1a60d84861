using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Grader.Core.Supervision;

namespace Grader.Python.Behaviour.Supervision;

/// <summary>
/// The scenarios of each task of the Python probe, in the order it runs them (checks/python-async/probe/asyncprobe/scenarios.py
/// holds the calls), and the supervisor's plan for each.
/// </summary>
internal sealed class ProbePlan : ISupervisionPlan
{
    public static readonly ProbePlan Instance = new();

    // uniform(0, 5) hands out, in spawn order, 2.5, 4.5, 0.5, 3.5, 1.5; the sleep of the k-th value really lasts
    // the k-th wake, so the coroutines finish in the order 3.5, 0.5, 4.5, 1.5, 2.5: unlike the spawn order and
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

    private ProbePlan()
    {
    }

    public string SleepsField => "sleep_calls";

    public double WakeResolution => 1e-6;

    // Up to half a millisecond: far below every margin of time the checks allow, far above a float's rounding.
    public double WakeLatency => 5e-4;

    public string? TypeOfNumber(JsonNode? value) => PythonTypes.OfNumber(value);

    public ImmutableArray<string> ScenariosOf(int task) => Scenarios.TryGetValue(task, out var ids) ? ids : [];

    public ScenarioPlan For(string scenario) => Plans.GetValueOrDefault(scenario, ScenarioPlan.Seeded);
}
