using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Grader.Core.Supervision;

namespace Grader.CSharp.Behaviour.Supervision;

/// <summary>
/// The scenarios of each task of the C# harness, in the order it runs them (checks/csharp-async/harness/scenarios/TaskScenarios.cs
/// holds the calls), and the supervisor's plan for each: the Python probe's plans, with the order proof matching a
/// delay to fraction × max delay (the student's code scales NextDouble()).
/// </summary>
internal sealed class HarnessPlan : ISupervisionPlan
{
    public static readonly HarnessPlan Instance = new();

    // NextDouble() * 5 gives 2.5, 4.5, 0.5, 3.5, 1.5, which really wait 2.5, 1.5, 1.0, 0.5, 2.0: concurrent waits finish
    // 3.5, 0.5, 4.5, 1.5, 2.5, neither sorted nor in spawn order.
    private static readonly ScenarioPlan Decoupled = new([0.5, 0.9, 0.1, 0.7, 0.3], 0, [2.5, 1.5, 1.0, 0.5, 2.0], DecoupleScale: 5);

    private static readonly ImmutableDictionary<string, ScenarioPlan> Plans = new Dictionary<string, ScenarioPlan>
    {
        ["wait_n_5_5"] = new([], 5, null),
        ["wait_n_10_7"] = new([], 10, null),
        ["wait_n_decoupled"] = Decoupled,
        ["measure_time_5_9"] = new([], 5, null),
        ["task_wait_n_5_6"] = new([], 5, null),
        ["task_wait_n_decoupled"] = Decoupled,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<int, ImmutableArray<string>> Scenarios = new Dictionary<int, ImmutableArray<string>>
    {
        [0] = ["wait_random_default", "wait_random_5", "wait_random_15", "wait_random_0"],
        [1] = ["wait_n_5_5", "wait_n_10_7", "wait_n_decoupled", "wait_n_0_5", "wait_n_10_0"],
        [2] = ["measure_time_5_9"],
        [3] = ["task_wait_random_5"],
        [4] = ["task_wait_n_5_6", "task_wait_n_decoupled", "task_wait_n_0_6", "task_wait_n_10_0"],
    }.ToImmutableDictionary();

    private HarnessPlan()
    {
    }

    public string SleepsField => "delays";

    // Task.Delay turns its TimeSpan into whole milliseconds, on a TimeProvider too.
    public double WakeResolution => 1e-3;

    // Exact wake-ups: the C# checks have not been reviewed for a late wake-up yet (the Python track's are).
    public double WakeLatency => 0;

    public ImmutableArray<string> ScenariosOf(int task) => Scenarios.TryGetValue(task, out var ids) ? ids : [];

    public ScenarioPlan For(string scenario) => Plans.GetValueOrDefault(scenario, ScenarioPlan.Seeded);

    // The harness writes a double 2.0 as 2, like an int: a number's type cannot be read from it.
    public string? TypeOfNumber(JsonNode? value) => null;
}
