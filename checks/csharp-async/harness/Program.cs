using System.Text.Json;

namespace GraderHarness;

/// <summary>
/// The behaviour harness: compiled by the grader together with the student's rewritten code into one program,
/// run as a child process. Reads one line of JSON configuration on stdin ({"task", "seed", "results_path",
/// "nonce", "scenario_seconds"}), runs the task's scenarios in virtual time and appends one line per scenario,
/// then a finished line, to the results file.
/// </summary>
internal static class Program
{
    public static int Main()
    {
        using var config = JsonDocument.Parse(Console.In.ReadLine() ?? "{}");
        var root = config.RootElement;
        var task = root.GetProperty("task").GetInt32();
        var seed = root.GetProperty("seed").GetInt32();
        var budget = TimeSpan.FromSeconds(root.TryGetProperty("scenario_seconds", out var seconds) ? seconds.GetDouble() : 4);
        Console.SetIn(TextReader.Null);

        using var results = new ResultsFile(root.GetProperty("results_path").GetString()!, root.GetProperty("nonce").GetString()!);
        var watchdog = new Watchdog(results, budget);
        var scenarios = TaskScenarios.For(task, seed);
        foreach (var scenario in scenarios)
        {
            var state = new ScenarioState(scenario.Id, scenario.Planned, seed, scenario.DecoupleScale, scenario.WakePlan);
            watchdog.Starting(scenario.Id, scenario.Call);
            var outcome = ScenarioRunner.Run(state, scenario.Invoke);
            watchdog.Finished();
            results.Write(json => LineWriter.Write(json, scenario, state, outcome));
        }

        results.Write(json =>
        {
            json.WriteBoolean("finished", true);
            json.WriteNumber("scenarios", scenarios.Count);
        });

        // The student's threads and finalizers must not outlive or delay the results.
        Environment.Exit(0);
        return 0;
    }
}
