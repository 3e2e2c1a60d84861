using System.Text;
using System.Text.Json;
using Grader.Core.Supervision;
using Grader.Python.Behaviour;
using Grader.Python.Behaviour.Supervision;

namespace Grader.Core.Tests.Python.Behaviour;

/// <summary>
/// The supervisor, with the Python probe's plan, against scripted probes: it keeps its own record whatever the probe claims, refuses a request out
/// of order or a sleep that ends before its time, and ends a scenario that would pass its deadline as a timeout.
/// </summary>
public sealed class SupervisorTests
{
    private static readonly SupervisionSettings Virtual = new(7, VirtualClock: true, TimeScale: 0.05, ScenarioDeadline: 600);

    [Fact]
    public async Task The_record_is_the_supervisors_and_fields_the_probe_sends_under_its_names_are_dropped()
    {
        var (supervisor, _) = await TalkAsync(
            """{"op": "task", "task": 0}""",
            """{"op": "begin", "scenario": "wait_random_short", "call": "wait_random"}""",
            """{"op": "run_start"}""",
            """{"op": "draw", "fn": "uniform", "args": [0, 5], "where": "0-basic_async_syntax.py:9"}""",
            """{"op": "sleep", "delay": 3.0, "where": null}""",
            """{"op": "idle", "timeout": 3.0}""",
            """{"op": "woke", "id": 0}""",
            """{"op": "run_end", "interrupted": false}""",
            """{"op": "end", "observation": {"status": "ok", "result": 3, "result_type": "float", "virtual_elapsed": 99, "random_calls": [], "spy_calls": [{"fn": "wait_random"}]}}""",
            """{"op": "finished", "scenarios": 1}""");

        var task = supervisor.Result(0);
        Assert.Null(supervisor.Violation);
        Assert.True(task.Finished);
        var observation = task.Observations["wait_random_short"];
        // The loop woke a little after its 3 s timer, as a real loop does: between a quarter of the plan's latency and all of it.
        var woke = observation.GetProperty("sleep_calls")[0].GetProperty("woke_at").GetDouble();
        Assert.InRange(woke - 3.0, ProbePlan.Instance.WakeLatency / 4, ProbePlan.Instance.WakeLatency);
        Assert.Equal(woke, observation.GetProperty("virtual_elapsed").GetDouble());
        Assert.Equal("int", observation.GetProperty("result_type").GetString());
        Assert.Equal(0, observation.GetProperty("spy_calls").GetArrayLength());
        var draw = Assert.Single(observation.GetProperty("random_calls").EnumerateArray());
        Assert.InRange(draw.GetProperty("value").GetDouble(), 0, 5);
    }

    [Fact]
    public async Task Notes_are_not_answered_and_every_other_request_is()
    {
        var (supervisor, answers) = await TalkAsync(
            """{"op": "task", "task": 0}""",
            """{"op": "begin", "scenario": "wait_random_short", "call": "wait_random"}""",
            """{"op": "run_start"}""",
            """{"op": "tick"}""",
            """{"op": "spy_start", "fn": "wait_random", "args": [5], "kwargs": {}}""",
            """{"op": "spy_end", "id": 0, "status": "ok", "returned": 1.0, "returned_type": "float"}""",
            """{"op": "run_end", "interrupted": false}""",
            """{"op": "cleanup"}""",
            """{"op": "end", "observation": {"status": "ok"}}""",
            """{"op": "finished", "scenarios": 1}""");

        Assert.Null(supervisor.Violation);
        Assert.Equal(5, answers.Count);
        Assert.Equal(0, answers[2].GetProperty("id").GetInt64());
        Assert.Single(supervisor.Result(0).Observations["wait_random_short"].GetProperty("spy_calls").EnumerateArray());
    }

    [Fact]
    public async Task The_rehearsal_goes_through_every_scenario_of_the_probe_without_a_violation()
    {
        int[] tasks = [0, 1, 2, 3, 4, .. Enumerable.Range(0, BehaviourEvidence.MainFiles).Select(BehaviourEvidence.MainTask)];
        var supervisor = await SupervisorRehearsal.RunAsync(ProbePlan.Instance, tasks, ("uniform", "[0, 5]"));

        Assert.Null(supervisor.Violation);
        Assert.All(tasks, task => Assert.Equal(ProbePlan.Instance.ScenariosOf(task).Length, supervisor.Result(task).Observations.Count));
        Assert.All(tasks, task => Assert.True(supervisor.Result(task).Finished));
    }

    [Fact]
    public async Task A_sleep_that_claims_to_end_before_virtual_time_reached_it_stops_the_run()
    {
        var (supervisor, answers) = await TalkAsync(
            """{"op": "task", "task": 0}""",
            """{"op": "begin", "scenario": "wait_random_short", "call": "wait_random"}""",
            """{"op": "sleep", "delay": 3.0, "where": null}""",
            """{"op": "woke", "id": 0}""",
            """{"op": "end", "observation": {"status": "ok"}}""",
            """{"op": "finished", "scenarios": 1}""");

        Assert.Contains("before its time", supervisor.Violation, StringComparison.Ordinal);
        Assert.True(answers[^1].TryGetProperty("refused", out _));
        Assert.Equal(4, answers.Count);
        Assert.False(supervisor.Result(0).Finished);
        Assert.Empty(supervisor.Result(0).Observations);
    }

    [Theory]
    [InlineData("""{"op": "begin", "scenario": "import", "call": "import"}""")]
    [InlineData("""{"op": "begin", "scenario": "wait_n_few", "call": "wait_n"}""")]
    [InlineData("""{"op": "task", "task": 1}""")]
    [InlineData("""{"op": "rewind", "to": 0}""")]
    [InlineData("""not json""")]
    [InlineData("""{"op": "idle", "timeout": -1}""")]
    public async Task A_request_out_of_order_or_of_no_known_shape_is_refused(string request)
    {
        var (supervisor, _) = await TalkAsync(
            """{"op": "task", "task": 0}""",
            """{"op": "begin", "scenario": "wait_random_short", "call": "wait_random"}""",
            """{"op": "end", "observation": {"status": "ok"}}""",
            request,
            """{"op": "finished", "scenarios": 1}""");

        Assert.NotNull(supervisor.Violation);
        Assert.False(supervisor.Result(0).Finished);
    }

    [Fact]
    public async Task A_wait_past_the_deadline_is_answered_over_and_the_scenario_is_a_timeout_whatever_the_probe_says()
    {
        var (supervisor, answers) = await TalkAsync(
            """{"op": "task", "task": 0}""",
            """{"op": "begin", "scenario": "wait_random_short", "call": "wait_random"}""",
            """{"op": "run_start"}""",
            """{"op": "idle", "timeout": 1000}""",
            """{"op": "idle", "timeout": 0.5}""",
            """{"op": "end", "observation": {"status": "ok", "result": 1.5}}""",
            """{"op": "finished", "scenarios": 1}""");

        // run_start is a note: the answers are those of task, begin, the two waits, end and finished.
        Assert.Equal(6, answers.Count);
        Assert.True(answers[2].GetProperty("over").GetBoolean());
        Assert.Equal(600, answers[2].GetProperty("now").GetDouble());
        Assert.True(answers[3].GetProperty("over").GetBoolean());
        Assert.Equal("timeout", supervisor.Result(0).Observations["wait_random_short"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_order_proof_gives_the_pending_sleeps_of_spied_calls_an_order_that_is_neither_the_start_nor_the_values_order()
    {
        // Ids are handed out in order: the spies get 0, 2 and 4, their sleeps 1, 3 and 5, the unspied sleep 6.
        var (supervisor, answers) = await TalkAsync(
            """{"op": "task", "task": 1}""",
            """{"op": "begin", "scenario": "wait_n_order_many", "call": "wait_n"}""",
            """{"op": "spy_start", "fn": "wait_random", "args": [8], "kwargs": {}}""",
            """{"op": "sleep", "delay": 4.5, "spy": 0}""",
            """{"op": "spy_start", "fn": "wait_random", "args": [8], "kwargs": {}}""",
            """{"op": "sleep", "delay": 2.5, "spy": 2}""",
            """{"op": "spy_start", "fn": "wait_random", "args": [8], "kwargs": {}}""",
            """{"op": "sleep", "delay": 3.5, "spy": 4}""",
            """{"op": "sleep", "delay": 7}""",
            """{"op": "plan", "ids": [1, 3, 5]}""");

        Assert.Null(supervisor.Violation);
        Assert.All([3, 5, 7], index => Assert.True(answers[index].GetProperty("pending").GetBoolean()));
        Assert.Equal(7, answers[8].GetProperty("after").GetDouble());
        var lengths = answers[9].GetProperty("after");
        double[] given = [.. new[] { "1", "3", "5" }.Select(id => lengths.GetProperty(id).GetDouble())];
        Assert.Equal([0.5, 1.0, 1.5], given.Order());
        int[] finishing = [.. Enumerable.Range(0, 3).OrderBy(index => given[index])];
        Assert.NotEqual([0, 1, 2], finishing); // the order they began
        Assert.NotEqual([2, 1, 0], finishing); // its reverse
        Assert.NotEqual([1, 2, 0], finishing); // the order of their delays: 2.5, 3.5, 4.5
    }

    [Fact]
    public async Task A_scenario_whose_plan_has_arguments_gets_them_from_the_seed_and_its_call_names_them()
    {
        var (supervisor, answers) = await TalkAsync(
            """{"op": "task", "task": 1}""",
            """{"op": "begin", "scenario": "wait_n_few", "call": "wait_n"}""",
            """{"op": "end", "observation": {"status": "ok"}}""",
            """{"op": "finished", "scenarios": 1}""");

        var args = answers[1].GetProperty("args");
        Assert.Contains(args[0].GetInt32(), new[] { 3, 4 });
        Assert.Contains(args[1].GetInt32(), new[] { 2, 3, 4 });
        var observation = supervisor.Result(1).Observations["wait_n_few"];
        Assert.Equal($"wait_n({args[0].GetInt32()}, {args[1].GetInt32()})", observation.GetProperty("call").GetString());
        Assert.Equal(args.GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal), observation.GetProperty("args").GetRawText());
    }

    [Fact]
    public async Task A_pending_sleep_that_claims_to_wake_before_it_had_a_length_stops_the_run()
    {
        var (supervisor, _) = await TalkAsync(
            """{"op": "task", "task": 1}""",
            """{"op": "begin", "scenario": "wait_n_order_few", "call": "wait_n"}""",
            """{"op": "spy_start", "fn": "wait_random", "args": [3], "kwargs": {}}""",
            """{"op": "sleep", "delay": 1.5, "spy": 0}""",
            """{"op": "woke", "id": 1}""",
            """{"op": "end", "observation": {"status": "ok"}}""");

        Assert.Contains("before the grader gave it a length", supervisor.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_and_scenario_give_the_same_fractions_and_another_seed_others()
    {
        static double[] Fractions(int seed, string scenario)
        {
            var source = new DrawSource(seed, scenario, ScenarioPlan.Seeded);
            return [.. Enumerable.Range(0, 5).Select(_ => source.Next())];
        }

        Assert.Equal(Fractions(1, "wait_random_short"), Fractions(1, "wait_random_short"));
        Assert.NotEqual(Fractions(1, "wait_random_short"), Fractions(2, "wait_random_short"));
        Assert.NotEqual(Fractions(1, "wait_random_short"), Fractions(1, "wait_random_long"));
        Assert.All(Fractions(3, "x"), fraction => Assert.InRange(fraction, 0, 0.9999999999));
    }

    [Theory]
    [InlineData("uniform", "[2, 4]", 0.25, 2.5)]
    [InlineData("uniform", "[5, 0]", 0.5, 2.5)]
    [InlineData("random", "[]", 0.125, 0.125)]
    [InlineData("randint", "[0, 10]", 0.999, 10)]
    [InlineData("randrange", "[10]", 0.35, 3)]
    [InlineData("triangular", "[0, 10, null]", 0.5, 5)]
    public void Each_random_function_gives_what_pythons_formula_gives_for_the_fraction(string function, string args, double fraction, double expected)
    {
        using var document = JsonDocument.Parse(args);
        var drawn = RandomValues.Compute(function, [.. document.RootElement.EnumerateArray()], null, fraction);

        Assert.Equal(expected, drawn.Number!.Value, 12);
    }

    [Theory]
    [InlineData("randrange", "[0]")]
    [InlineData("randrange", "[1.5, 4]")]
    [InlineData("uniform", "[\"a\", 4]")]
    public void Arguments_python_rejects_are_answered_with_its_error(string function, string args)
    {
        using var document = JsonDocument.Parse(args);
        var drawn = RandomValues.Compute(function, [.. document.RootElement.EnumerateArray()], null, 0.5);

        Assert.Null(drawn.Value);
        Assert.Contains(drawn.ErrorType, new[] { "ValueError", "TypeError" });
    }

    // The run is given one task: the one the first request starts.
    private static async Task<(Supervisor Supervisor, List<JsonElement> Answers)> TalkAsync(params string[] requests)
    {
        using var first = JsonDocument.Parse(requests[0]);
        var supervisor = new Supervisor("""{"protocol": 3}""", [first.RootElement.GetProperty("task").GetInt32()], Virtual, ProbePlan.Instance);
        using var fromChild = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", requests) + "\n"));
        using var toChild = new MemoryStream();
        await supervisor.TalkAsync(fromChild, toChild, CancellationToken.None);
        var lines = Encoding.UTF8.GetString(toChild.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("""{"protocol": 3}""", lines[0]);
        return (supervisor, [.. lines.Skip(1).Select(line => JsonDocument.Parse(line).RootElement.Clone())]);
    }
}
