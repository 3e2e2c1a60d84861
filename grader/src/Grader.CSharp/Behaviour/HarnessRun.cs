using System.Collections.Immutable;
using System.Text.Json;
using Grader.Core.Processes;

namespace Grader.CSharp.Behaviour;

/// <summary>
/// What the supervisor holds for one task's harness run, and how the process ended. Observations are raw facts
/// keyed by scenario id, built from the supervisor's record; the checks judge them.
/// </summary>
/// <param name="Finished">True when the harness closed the task in order: without it, silence never counts as a pass.</param>
/// <param name="BuildFailure">Why the harness could not be compiled with the student's code, when it could not (nothing ran).</param>
public sealed record HarnessRun(
    int Task,
    ImmutableSortedDictionary<string, JsonElement> Observations,
    bool Finished,
    ProcessOutcome Process,
    string? BuildFailure = null)
{
    public JsonElement? Scenario(string id) => Observations.TryGetValue(id, out var observation) ? observation : null;

    /// <summary>The last lines the student's code printed (stderr first, where crashes go), for messages.</summary>
    public string LastOutputLines(int count = 3)
    {
        var lines = (Process.StandardError.TotalBytes > 0 ? Process.StandardError : Process.StandardOutput).Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" | ", lines.TakeLast(count).Select(line => line.Length > 200 ? line[..200] + "..." : line));
    }
}

/// <summary>Every task's harness run for one submission.</summary>
public sealed record HarnessEvidence(ImmutableSortedDictionary<int, HarnessRun> Runs, int Seed)
{
    public const string Key = "csharp-behaviour";
}
