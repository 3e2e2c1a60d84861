using System.Diagnostics;
using Grader.Core.Processes;
using Grader.Python.Tools;

namespace Grader.Core.Tests.Processes;

public sealed class ProcessRunnerTests
{
    private readonly ProcessRunner runner = new();

    [Fact]
    public async Task Captures_exit_code_output_and_input()
    {
        var outcome = await runner.RunAsync(Shell("read line; echo \"got $line\"; echo oops >&2; exit 3", input: "hello\n"), CancellationToken.None);

        Assert.Equal(3, outcome.ExitCode);
        Assert.Equal("got hello\n", outcome.StandardOutput.Text);
        Assert.Equal("oops\n", outcome.StandardError.Text);
    }

    [Fact]
    public async Task Keeps_the_head_and_tail_of_huge_output_and_says_how_much_was_cut()
    {
        var outcome = await runner.RunAsync(
            Shell("echo FIRST; head -c 5000000 /dev/zero | tr '\\0' x; echo; echo LAST") with { MaxCapturedBytes = 1000 },
            CancellationToken.None);

        Assert.StartsWith("FIRST", outcome.StandardOutput.Head, StringComparison.Ordinal);
        Assert.EndsWith("LAST\n", outcome.StandardOutput.Tail, StringComparison.Ordinal);
        Assert.True(outcome.StandardOutput.DroppedBytes > 4_000_000);
        Assert.Contains("bytes cut", outcome.StandardOutput.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_kills_the_whole_process_group_including_grandchildren()
    {
        var marker = Path.Combine(Path.GetTempPath(), "grader-test-" + Guid.NewGuid().ToString("N"));
        var stopwatch = Stopwatch.StartNew();

        var outcome = await runner.RunAsync(
            Shell($"(sleep 3; touch {marker}) & sleep 30") with { Timeout = TimeSpan.FromMilliseconds(500), OwnProcessGroup = true },
            CancellationToken.None);

        Assert.True(outcome.TimedOut);
        Assert.Null(outcome.ExitCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(File.Exists(marker), "the grandchild survived the timeout");
    }

    [Fact]
    public async Task Output_pipes_held_by_a_process_left_behind_end_the_run_with_a_note_not_an_exception()
    {
        // The second before "after" lets setsid take the sleeper out of the group before the runner kills the group.
        var stopwatch = Stopwatch.StartNew();

        var outcome = await runner.RunAsync(
            Shell("echo before; setsid sleep 8 & sleep 1; echo after") with { OwnProcessGroup = true },
            CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("before\nafter\n", outcome.StandardOutput.Text);
        Assert.EndsWith(ProcessRunner.PipesHeldNote, outcome.StandardError.Text, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_missing_program_is_reported_not_thrown()
    {
        var outcome = await runner.RunAsync(Shell("true") with { FileName = "/nonexistent/program" }, CancellationToken.None);

        Assert.NotNull(outcome.StartError);
        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task The_child_gets_only_the_environment_it_is_given()
    {
        Environment.SetEnvironmentVariable("GRADER_SECRET", "leaked");
        var outcome = await runner.RunAsync(Shell("echo \"${HOME}|${GRADER_SECRET:-unset}\""), CancellationToken.None);

        Assert.Equal("/tmp|unset\n", outcome.StandardOutput.Text);
    }

    private static ProcessRequest Shell(string script, string? input = null) => new(
        "/bin/sh",
        ["-c", script],
        Path.GetTempPath(),
        PythonChildEnvironment.For("/tmp", null),
        input,
        TimeSpan.FromSeconds(30));
}
