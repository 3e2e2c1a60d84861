using System.Text.Json;

namespace Grader.Cli.Tests.Sandbox;

/// <summary>
/// A behaviour run forked from a warm probe grades as one started afresh: the same statuses, points and messages for
/// submissions whose tasks run together, run again alone, print megabytes or time out.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class WarmProbeTests
{
    [Theory]
    [InlineData("gather-then-sort")]
    [InlineData("huge-output")]
    [InlineData("endless-loop-in-coroutine")]
    [InlineData("sys-exit-at-import")]
    public async Task A_submission_grades_the_same_forked_from_a_warm_probe_and_started_afresh(string name)
    {
        var folder = CliRunner.Path("grader", "tests", "Grader.Core.Tests", "Fixtures", "submissions", name);
        var noGradescope = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "no-gradescope-here");

        var (_, warm, _) = await CliRunner.RunInAsync(new Dictionary<string, string?>(), noGradescope, "check", folder, "--seed", "3", "--format", "json");
        var (_, fresh, _) = await CliRunner.RunInAsync(new Dictionary<string, string?> { ["GRADER_WARM_PROBE"] = "0" }, noGradescope, "check", folder, "--seed", "3", "--format", "json");

        Assert.Equal(Verdicts(fresh), Verdicts(warm));
    }

    // Every check's id, status, points and message; times in messages (a timeout's "stopped after 10 s") left out.
    private static List<string> Verdicts(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var checks = root.GetProperty("project").EnumerateArray()
            .Concat(root.GetProperty("tasks").EnumerateArray().SelectMany(task => task.GetProperty("checks").EnumerateArray()));
        return [.. checks.Select(check =>
            $"{check.GetProperty("id").GetString()} {check.GetProperty("status").GetString()} {check.GetProperty("points")} "
            + System.Text.RegularExpressions.Regex.Replace(check.GetProperty("message").GetString() ?? string.Empty, @"\d+(\.\d+)? s of real time", "N s of real time"))];
    }
}
