using System.Text;
using System.Text.Json;
using Grader.Core.Supervision;
using Grader.CSharp.Behaviour.Supervision;

namespace Grader.CSharp.Tests.Behaviour;

/// <summary>The supervisor with the C# harness's plan, against a scripted harness.</summary>
public sealed class HarnessSupervisionTests
{
    [Fact]
    public async Task The_order_proof_matches_a_delay_to_fraction_times_max_delay_once_each_and_names_the_list_delays()
    {
        var (supervisor, answers) = await TalkAsync(
            """{"op": "task", "task": 1}""",
            """{"op": "begin", "scenario": "wait_n_decoupled", "call": "WaitN(5, 5)"}""",
            """{"op": "draw", "fn": "NextDouble", "args": []}""",
            """{"op": "draw", "fn": "NextDouble", "args": []}""",
            """{"op": "sleep", "delay": 4.5}""",
            """{"op": "sleep", "delay": 2.5}""",
            """{"op": "sleep", "delay": 2.5}""",
            """{"op": "idle", "timeout": 1.5}""",
            """{"op": "woke", "id": 0}""",
            """{"op": "end", "observation": {"status": "ok"}}""",
            """{"op": "finished", "scenarios": 1}""");

        Assert.Null(supervisor.Violation);
        Assert.Equal([0.5, 0.9], answers.Skip(2).Take(2).Select(answer => answer.GetProperty("value").GetDouble()));
        Assert.Equal([1.5, 2.5, 2.5], answers.Skip(4).Take(3).Select(answer => answer.GetProperty("after").GetDouble()));
        var observation = supervisor.Result(1).Observations["wait_n_decoupled"];
        Assert.Equal(3, observation.GetProperty("delays").GetArrayLength());
        Assert.Equal(5, observation.GetProperty("decouple_scale").GetDouble());
        Assert.Equal(1.5, observation.GetProperty("delays")[0].GetProperty("woke_at").GetDouble());
    }

    [Theory]
    [InlineData("Next", "[10]", 0.35, 3)]
    [InlineData("Next", "[2, 12]", 0.5, 7)]
    [InlineData("NextDouble", "[]", 0.25, 0.25)]
    public void Each_random_method_gives_what_the_harness_random_gives_for_the_fraction(string function, string args, double fraction, double expected)
    {
        using var document = JsonDocument.Parse(args);
        Assert.Equal(expected, RandomValues.Compute(function, [.. document.RootElement.EnumerateArray()], null, fraction).Number);
    }

    [Fact]
    public void A_bound_dotnet_rejects_is_answered_with_its_error()
    {
        using var document = JsonDocument.Parse("[5, 2]");
        Assert.Equal("ArgumentOutOfRangeException", RandomValues.Compute("Next", [.. document.RootElement.EnumerateArray()], null, 0.5).ErrorType);
    }

    [Fact]
    public async Task The_rehearsal_goes_through_every_scenario_of_the_harness_without_a_violation()
    {
        var supervisor = await SupervisorRehearsal.RunAsync(HarnessPlan.Instance, [0, 1, 2, 3, 4], ("NextDouble", "[]"));

        Assert.Null(supervisor.Violation);
        Assert.All([0, 1, 2, 3, 4], task => Assert.True(supervisor.Result(task).Finished));
    }

    private static async Task<(Supervisor Supervisor, List<JsonElement> Answers)> TalkAsync(params string[] requests)
    {
        var supervisor = new Supervisor("""{"protocol": 3}""", [1], new SupervisionSettings(3, VirtualClock: true, TimeScale: 1, ScenarioDeadline: 600), HarnessPlan.Instance);
        using var fromChild = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", requests) + "\n"));
        using var toChild = new MemoryStream();
        await supervisor.TalkAsync(fromChild, toChild, CancellationToken.None);
        return (supervisor, [.. Encoding.UTF8.GetString(toChild.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => JsonDocument.Parse(line).RootElement.Clone())]);
    }
}
