using System.Text.Json;

namespace GraderHarness;

/// <summary>
/// The behaviour harness: compiled by the grader together with the student's rewritten code into one program,
/// run as a child process that talks to the grader's supervisor over its stdin and stdout. Reads the configuration
/// line ({"protocol", "task", "scenario_seconds"}), then runs the task's scenarios in virtual time: each begins and
/// ends with a request, and every draw, delay, blocking call and spied call in between is a request too.
/// </summary>
internal static class Program
{
    public const int ProtocolVersion = 3;

    public static int Main()
    {
        var channel = Channel.TakeStandardStreams();
        using var config = JsonDocument.Parse(channel.ReadLine() ?? "{}");
        var root = config.RootElement;
        if (!root.TryGetProperty("protocol", out var protocol) || protocol.GetInt32() != ProtocolVersion)
        {
            Console.Error.WriteLine($"harness: the configuration is not protocol {ProtocolVersion}");
            Environment.Exit(2);
        }

        var task = root.GetProperty("task").GetInt32();
        var budget = TimeSpan.FromSeconds(root.TryGetProperty("scenario_seconds", out var seconds) ? seconds.GetDouble() : 4);
        try
        {
            channel.Ask("task", json => json.WriteNumber("task", task));
            var watchdog = new Watchdog(channel, budget);
            var scenarios = TaskScenarios.For(task);
            foreach (var scenario in scenarios)
            {
                channel.Ask("begin", json =>
                {
                    json.WriteString("scenario", scenario.Id);
                    json.WriteString("call", scenario.Call);
                });
                var state = new ScenarioState(channel);
                watchdog.Starting(scenario.Id);
                var outcome = ScenarioRunner.Run(state, scenario.Invoke);
                watchdog.Finished();
                channel.Ask("end", json =>
                {
                    json.WriteStartObject("observation");
                    LineWriter.Write(json, outcome);
                    json.WriteEndObject();
                });
            }

            channel.Ask("finished", json => json.WriteNumber("scenarios", scenarios.Count));
        }
        catch (ChannelClosedException closed)
        {
            Console.Error.WriteLine($"harness: {closed.Message}");
            Environment.Exit(3);
        }

        // The student's threads and finalizers must not outlive or delay the run.
        Environment.Exit(0);
        return 0;
    }
}
