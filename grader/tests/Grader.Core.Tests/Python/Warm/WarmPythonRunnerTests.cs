using System.Collections.Immutable;
using System.Diagnostics;
using Grader.Core.Processes;
using Grader.Core.Python.Tools;
using Grader.Core.Python.Warm;

namespace Grader.Core.Tests.Python.Warm;

/// <summary>
/// A script run by the warm runner must be indistinguishable from the same script started afresh: same exit
/// code, output, input, working directory and environment, the same timeouts and kills, and a fallback when the
/// server dies.
/// </summary>
public sealed class WarmPythonRunnerTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("grader-warm-test-").FullName;
    private readonly ProcessRunner direct = new();
    private readonly CountingRunner counting;
    private readonly WarmPythonRunner warm;

    public WarmPythonRunnerTests()
    {
        counting = new CountingRunner(direct);
        warm = new WarmPythonRunner(counting);
    }

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

        var fresh = await direct.RunAsync(request, CancellationToken.None);
        var forked = await warm.RunAsync(request, CancellationToken.None);

        Assert.Equal(3, fresh.ExitCode);
        Assert.Contains("got hello in", fresh.StandardOutput.Text, StringComparison.Ordinal);
        Assert.Equal(Describe(fresh), Describe(forked));
        Assert.Equal(0, counting.Count(request.FileName));
    }

    [Fact]
    public async Task An_uncaught_exception_and_a_signal_give_the_exit_codes_of_a_fresh_process()
    {
        var raising = Script("raise ValueError('bad value')\n");
        var crashing = Script("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n");

        Assert.Equal(Describe(await direct.RunAsync(raising, CancellationToken.None)), Describe(await warm.RunAsync(raising, CancellationToken.None)));
        var crashed = await warm.RunAsync(crashing, CancellationToken.None);
        Assert.Equal(139, crashed.ExitCode);
        Assert.Equal((await direct.RunAsync(crashing, CancellationToken.None)).ExitCode, crashed.ExitCode);
    }

    [Fact]
    public async Task Huge_output_keeps_the_same_head_and_tail_as_a_fresh_process()
    {
        var request = Script("import sys\nprint('FIRST')\nsys.stdout.write('x' * 5000000)\nprint()\nprint('LAST')\n") with { MaxCapturedBytes = 1000 };

        var forked = await warm.RunAsync(request, CancellationToken.None);

        Assert.StartsWith("FIRST", forked.StandardOutput.Head, StringComparison.Ordinal);
        Assert.EndsWith("LAST\n", forked.StandardOutput.Tail, StringComparison.Ordinal);
        Assert.Equal(Describe(await direct.RunAsync(request, CancellationToken.None)), Describe(forked));
    }

    [Fact]
    public async Task A_timeout_kills_the_child_and_what_it_spawned()
    {
        var marker = Path.Combine(folder, "survivor");
        var request = Script($"import subprocess, time\nsubprocess.Popen(['sh', '-c', 'sleep 3; touch {marker}'])\ntime.sleep(30)\n")
            with { Timeout = TimeSpan.FromMilliseconds(700) };
        var stopwatch = Stopwatch.StartNew();

        var outcome = await warm.RunAsync(request, CancellationToken.None);

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

        var killed = await warm.RunAsync(killer, CancellationToken.None);
        var after = await warm.RunAsync(plain, CancellationToken.None);

        Assert.Equal("survived\n", killed.StandardOutput.Text);
        Assert.Equal(0, killed.ExitCode);
        Assert.Equal(1, counting.Count(killer.FileName));
        Assert.Equal("plain\n", after.StandardOutput.Text);
        Assert.Equal(1, counting.Count(plain.FileName));
    }

    [Fact]
    public async Task Requests_that_are_not_a_script_go_to_the_inner_runner()
    {
        var request = Script("print(1)\n") with { Arguments = ["-c", "print(2)"] };

        var outcome = await warm.RunAsync(request, CancellationToken.None);

        Assert.Equal("2\n", outcome.StandardOutput.Text);
        Assert.Equal(1, counting.Count(request.FileName));
    }

    [Fact]
    public async Task Cancellation_kills_the_child_and_is_reported_as_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => warm.RunAsync(Script("import time\ntime.sleep(30)\n"), cancel.Token));
    }

    private static string Describe(ProcessOutcome outcome) =>
        $"exit={outcome.ExitCode} timedOut={outcome.TimedOut}\nout={outcome.StandardOutput}\nerr={outcome.StandardError}";

    private ProcessRequest Script(string source, string? input = null, string[]? arguments = null)
    {
        var script = Path.Combine(folder, $"script-{Guid.NewGuid():N}.py");
        File.WriteAllText(script, source.Replace("\r\n", "\n", StringComparison.Ordinal));
        var work = Directory.CreateDirectory(Path.Combine(folder, "work")).FullName;
        return new ProcessRequest(
            "/usr/bin/python3",
            ["-B", "-s", script, .. arguments ?? []],
            work,
            ChildEnvironment.For(folder, null),
            input,
            TimeSpan.FromSeconds(30),
            OwnProcessGroup: true);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await warm.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Counts the requests that reached the fresh-process runner, per program.</summary>
    private sealed class CountingRunner(IProcessRunner inner) : IProcessRunner
    {
        private ImmutableDictionary<string, int> counts = ImmutableDictionary<string, int>.Empty;

        public int Count(string fileName) => counts.GetValueOrDefault(fileName);

        public Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
        {
            ImmutableInterlocked.AddOrUpdate(ref counts, request.FileName, 1, (_, count) => count + 1);
            return inner.RunAsync(request, cancellationToken);
        }
    }
}
