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

    // Arguments a constant cannot match: two values per rule, drawn from the run's seed, none of the course's
    // examples (5, 6, 7, 9, 10). The two scenarios of a rule draw from sets that do not meet, so they always differ.
    private static readonly ImmutableArray<int> FewCalls = [3, 4];
    private static readonly ImmutableArray<int> ManyCalls = [8, 11, 12];
    private static readonly ImmutableArray<int> ShortDelays = [2, 3, 4];
    private static readonly ImmutableArray<int> LongDelays = [8, 11, 12, 13];
    private static readonly ImmutableArray<int> NoCalls = [0];
    private static readonly ImmutableArray<int> NoDelay = [0];

    // Most calls a scenario makes: the first draws are spread apart over that many slots, so no two delays nearly tie.
    private const int MostCalls = 12;

    // The lengths the order proof hands to the sleeps of the calls, when all of them are pending, in an order of
    // finishing drawn from the seed that is neither the start order, nor its reverse, nor the order of the delays the
    // sleeps asked for, whatever wait_random did with the values it drew.
    private static readonly ImmutableArray<double> OrderProofLengths = [.. Enumerable.Range(1, MostCalls).Select(k => 0.5 * k)];

    // The n delays of a call are spread over n slots: on the real clock the shortest stays longer than the time the
    // calls take to start, which is why few calls go with short delays and many with long ones.
    private static ScenarioPlan Calls(string function, params ImmutableArray<int>[] arguments) =>
        new([], 0, null, Function: function, Arguments: [.. arguments], SpreadOverCalls: true);

    private static ScenarioPlan OneCall(string function, ImmutableArray<int> maxDelay) =>
        new([], 0, null, Function: function, Arguments: [maxDelay]);

    private static ScenarioPlan OrderProof(string function, params ImmutableArray<int>[] arguments) =>
        new([], MostCalls, OrderProofLengths, AtSleeps: true, Function: function, Arguments: [.. arguments]);

    private static readonly ImmutableDictionary<string, ScenarioPlan> Plans = new Dictionary<string, ScenarioPlan>
    {
        ["wait_random_short"] = OneCall("wait_random", ShortDelays),
        ["wait_random_long"] = OneCall("wait_random", LongDelays),
        ["wait_random_follows_random"] = new([0.123, 0.877], 0, null, Function: "wait_random", Arguments: [LongDelays]),
        ["wait_random_blocking"] = OneCall("wait_random", ShortDelays),
        ["wait_n_few"] = Calls("wait_n", FewCalls, ShortDelays),
        ["wait_n_many"] = Calls("wait_n", ManyCalls, LongDelays),
        ["wait_n_order_few"] = OrderProof("wait_n", FewCalls, ShortDelays),
        ["wait_n_order_many"] = OrderProof("wait_n", ManyCalls, LongDelays),
        ["wait_n_none"] = Calls("wait_n", NoCalls, LongDelays),
        ["wait_n_zero"] = Calls("wait_n", ManyCalls, NoDelay),
        ["wait_n_blocking"] = Calls("wait_n", FewCalls, ShortDelays),
        ["measure_time_few"] = Calls("measure_time", FewCalls, ShortDelays),
        ["measure_time_many"] = Calls("measure_time", ManyCalls, LongDelays),
        ["task_wait_random_short"] = OneCall("task_wait_random", ShortDelays),
        ["task_wait_random_long"] = OneCall("task_wait_random", LongDelays),
        ["task_wait_n_few"] = Calls("task_wait_n", FewCalls, ShortDelays),
        ["task_wait_n_many"] = Calls("task_wait_n", ManyCalls, LongDelays),
        ["task_wait_n_order_few"] = OrderProof("task_wait_n", FewCalls, ShortDelays),
        ["task_wait_n_order_many"] = OrderProof("task_wait_n", ManyCalls, LongDelays),
        ["task_wait_n_none"] = Calls("task_wait_n", NoCalls, LongDelays),
        ["task_wait_n_zero"] = Calls("task_wait_n", ManyCalls, NoDelay),
        // Every draw of 1-main.py's three calls spread apart, so that its lists stay in order on the real clock too.
        ["main_1"] = new([], 25, null),
        ["main_4"] = new([], 5, null),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<int, ImmutableArray<string>> Scenarios = new Dictionary<int, ImmutableArray<string>>
    {
        [0] = ["import", "wait_random_is_coroutine", "wait_random_default", "wait_random_short", "wait_random_long", "wait_random_0", "wait_random_follows_random", "wait_random_blocking"],
        [1] = ["import", "wait_n_is_coroutine", "wait_n_few", "wait_n_many", "wait_n_order_few", "wait_n_order_many", "wait_n_none", "wait_n_zero", "wait_n_blocking"],
        [2] = ["import", "measure_time_is_regular", "measure_time_few", "measure_time_many"],
        [3] = ["import", "task_wait_random_is_regular", "task_wait_random_short", "task_wait_random_long"],
        [4] = ["import", "task_wait_n_is_coroutine", "task_wait_n_few", "task_wait_n_many", "task_wait_n_order_few", "task_wait_n_order_many", "task_wait_n_none", "task_wait_n_zero"],
    }.Concat(Enumerable.Range(0, BehaviourEvidence.MainFiles).Select(main =>
        KeyValuePair.Create(BehaviourEvidence.MainTask(main), ImmutableArray.Create("import", $"main_{main}")))).ToImmutableDictionary();

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
