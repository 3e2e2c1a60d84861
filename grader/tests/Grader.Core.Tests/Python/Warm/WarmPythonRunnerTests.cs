using System.Diagnostics;
using Grader.Core.Processes;

namespace Grader.Core.Tests.Python.Warm;

/// <summary>
/// A script run by the warm runner must be indistinguishable from the same script started afresh: same exit
/// code, output, input, working directory and environment, the same timeouts and kills, and a fallback when the
/// server dies.
/// </summary>
public sealed class WarmPythonRunnerTests : WarmRunnerTestBase
{
    [Fact]
    public async Task A_script_sees_its_input_folder_environment_and_arguments_as_if_started_afresh()
    {
        var request = Script("""
            import os, sys
            line = sys.stdin.readline()
            print("got", line.strip(), "in", os.path.basename(os.getcwd()), "home", os.environ["HOME"], "args", sys.argv[1:])
            print("name", __name__, "path0", os.path.basename(sys.path[0]))
            sys.stderr.write("oops\n")
            sys.exit(3)
            """, input: "hello\n", arguments: ["a", "b c"]);

        var fresh = await Direct.RunAsync(request, CancellationToken.None);
        var forked = await Warm.RunAsync(request, CancellationToken.None);

        Assert.Equal(3, fresh.ExitCode);
        Assert.Contains("got hello in", fresh.StandardOutput.Text, StringComparison.Ordinal);
        Assert.Equal(Describe(fresh), Describe(forked));
        Assert.Equal(0, Counting.Count(request.FileName));
    }

    [Fact]
    public async Task An_uncaught_exception_and_a_signal_give_the_exit_codes_of_a_fresh_process()
    {
        var raising = Script("raise ValueError('bad value')\n");
        var crashing = Script("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n");

        Assert.Equal(Describe(await Direct.RunAsync(raising, CancellationToken.None)), Describe(await Warm.RunAsync(raising, CancellationToken.None)));
        var crashed = await Warm.RunAsync(crashing, CancellationToken.None);
        Assert.Equal(139, crashed.ExitCode);
        Assert.Equal((await Direct.RunAsync(crashing, CancellationToken.None)).ExitCode, crashed.ExitCode);
    }

    [Fact]
    public async Task Huge_output_keeps_the_same_head_and_tail_as_a_fresh_process()
    {
        var request = Script("import sys\nprint('FIRST')\nsys.stdout.write('x' * 5000000)\nprint()\nprint('LAST')\n") with { MaxCapturedBytes = 1000 };

        var forked = await Warm.RunAsync(request, CancellationToken.None);

        Assert.StartsWith("FIRST", forked.StandardOutput.Head, StringComparison.Ordinal);
        Assert.EndsWith("LAST\n", forked.StandardOutput.Tail, StringComparison.Ordinal);
        Assert.Equal(Describe(await Direct.RunAsync(request, CancellationToken.None)), Describe(forked));
    }

    [Fact]
    public async Task A_timeout_kills_the_child_and_what_it_spawned()
    {
        var marker = Path.Combine(Folder, "survivor");
        var request = Script($"import subprocess, time\nsubprocess.Popen(['sh', '-c', 'sleep 3; touch {marker}'])\ntime.sleep(30)\n")
            with { Timeout = TimeSpan.FromMilliseconds(700) };
        var stopwatch = Stopwatch.StartNew();

        var outcome = await Warm.RunAsync(request, CancellationToken.None);

        Assert.True(outcome.TimedOut);
        Assert.Null(outcome.ExitCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(File.Exists(marker), "the grandchild survived the timeout");
    }

    [Fact]
    public async Task A_child_that_kills_the_server_is_run_afresh_and_the_next_request_gets_a_new_server()
    {
        // Only under the fork server is the parent a forkserver.py; run afresh, the script leaves its parent alone.
        var killer = Script("""
            import os
            with open("/proc/%d/cmdline" % os.getppid(), "rb") as handle:
                if b"forkserver.py" in handle.read():
                    os.kill(os.getppid(), 9)
            print("survived")
            """);
        var plain = Script("print('plain')\n");

        var killed = await Warm.RunAsync(killer, CancellationToken.None);
        var after = await Warm.RunAsync(plain, CancellationToken.None);

        Assert.Equal("survived\n", killed.StandardOutput.Text);
        Assert.Equal(0, killed.ExitCode);
        Assert.Equal(1, Counting.Count(killer.FileName));
        Assert.Equal("plain\n", after.StandardOutput.Text);
        Assert.Equal(1, Counting.Count(plain.FileName));
    }

    [Fact]
    public async Task Requests_that_are_not_a_script_go_to_the_inner_runner()
    {
        var request = Script("print(1)\n") with { Arguments = ["-c", "print(2)"] };

        var outcome = await Warm.RunAsync(request, CancellationToken.None);

        Assert.Equal("2\n", outcome.StandardOutput.Text);
        Assert.Equal(1, Counting.Count(request.FileName));
    }

    [Fact]
    public async Task Cancellation_kills_the_child_and_is_reported_as_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Warm.RunAsync(Script("import time\ntime.sleep(30)\n"), cancel.Token));
    }

    protected override ProcessRequest Shape(ProcessRequest request) => request with { OwnProcessGroup = true };
}
