using System.Collections.Immutable;
using Grader.Core.Engine;
using System.Text.Json;
using Grader.Core.Processes;

namespace Grader.Python.Behaviour;

/// <summary>
/// What the supervisor holds for one task's probe run, and how the process ended. Observations are raw facts keyed
/// by scenario id, built from the supervisor's record; the checks judge them.
/// </summary>
/// <param name="Finished">True when the probe closed the task in order: without it, silence never counts as a pass.</param>
public sealed record ProbeRun(
    int Task,
    ImmutableSortedDictionary<string, JsonElement> Observations,
    bool Finished,
    ProcessOutcome Process)
{
    public JsonElement? Scenario(string id) => Observations.TryGetValue(id, out var observation) ? observation : null;

    /// <summary>The last lines the student's code printed (stderr first, where tracebacks go), for messages.</summary>
    public string LastOutputLines(int count = 5)
    {
        var lines = (Process.StandardError.Tail.Length > 0 ? Process.StandardError : Process.StandardOutput).Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" | ", lines.TakeLast(count).Select(line => line.Length > 200 ? line[..200] + "..." : line));
    }
}

/// <summary>Every task's probe run for one submission, with the settings they ran under.</summary>
public sealed record BehaviourEvidence(ImmutableSortedDictionary<int, ProbeRun> Runs, int Seed, ClockMode Clock, string? Unavailable)
{
    public const string Key = "behaviour";

    /// <summary>
    /// The probe's task numbers of the chain: task 5 + m runs the course's m-main.py on the student's own modules, each
    /// in its own run. Tasks 0 to 4 import the grader's own versions of the earlier tasks' functions, so each is judged
    /// on its own code.
    /// </summary>
    public const int FirstMainTask = 5;

    public const int MainFiles = 5;

    public static int MainTask(int main) => FirstMainTask + main;
}
