using Grader.Core.Processes;

namespace Grader.Core.Tests.Python.Warm;

/// <summary>
/// A script that never runs student code (<see cref="ProcessRequest.RunsNoSubmissionCode"/>) runs inside a warm
/// interpreter without a fork, and must still look like a fresh process: to itself, to the script that runs after
/// it in the same interpreter, and to the grader when it overruns or crashes the interpreter.
/// </summary>
public sealed class InlineScriptTests : WarmRunnerTestBase
{
    [Fact]
    public async Task A_script_sees_its_input_folder_environment_and_arguments_as_if_started_afresh()
    {
        var request = Script("""
            import os, sys
            line = sys.stdin.buffer.read().decode()
            print("got", line.strip(), "in", os.path.basename(os.getcwd()), "home", os.environ["HOME"], "args", sys.argv[1:])
            print("name", __name__, "path0", os.path.basename(sys.path[0]), "é")
            sys.stderr.write("oops\n")
            sys.exit(3)
            """, input: "hello\n", arguments: ["a", "b c"]);

        var fresh = await Direct.RunAsync(request, CancellationToken.None);
        var inline = await Warm.RunAsync(request, CancellationToken.None);

        Assert.Equal(3, fresh.ExitCode);
        Assert.Contains("got hello in work", fresh.StandardOutput.Text, StringComparison.Ordinal);
        Assert.Equal(Describe(fresh), Describe(inline));
        Assert.Equal(0, Counting.Count(request.FileName));
    }

    [Fact]
    public async Task An_uncaught_exception_gives_the_traceback_and_exit_code_of_a_fresh_process()
    {
        var raising = Script("def f():\n    raise ValueError('bad value')\n\n\nf()\n");

        Assert.Equal(Describe(await Direct.RunAsync(raising, CancellationToken.None)), Describe(await Warm.RunAsync(raising, CancellationToken.None)));
    }

    [Fact]
    public async Task A_script_that_wants_more_memory_than_the_cap_gets_a_memory_error_and_the_next_one_runs()
    {
        var greedy = Script("block = bytearray(3 * 1024 ** 3)\nprint('allocated')\n");
        var modest = Script("print('fine')\n");

        var refused = await Warm.RunAsync(greedy, CancellationToken.None);
        var next = await Warm.RunAsync(modest, CancellationToken.None);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("MemoryError", refused.StandardError.Text, StringComparison.Ordinal);
        Assert.Equal("fine\n", next.StandardOutput.Text);
    }

    [Fact]
    public async Task What_a_script_changes_in_the_interpreter_is_undone_before_the_next()
    {
        var meddling = Script("""
            import os, sys, warnings
            os.environ["LEAK"] = "1"
            os.chdir("/")
            sys.path.append("/leak")
            sys.argv.append("leak")
            sys.setrecursionlimit(321)
            warnings.simplefilter("error")
            sys.stdout = sys.stderr
            print("meddled")
            """);
        var looking = Script("""
            import os, sys, warnings
            print(os.environ.get("LEAK"), os.path.basename(os.getcwd()), "/leak" in sys.path, sys.argv[1:], sys.getrecursionlimit())
            warnings.warn("only a warning")
            print("still running")
            """);

        var fresh = await Direct.RunAsync(looking, CancellationToken.None);
        await Warm.RunAsync(meddling, CancellationToken.None);
        var after = await Warm.RunAsync(looking, CancellationToken.None);

        Assert.Contains("still running", fresh.StandardOutput.Text, StringComparison.Ordinal);
        Assert.Equal(Describe(fresh), Describe(after));
        Assert.Equal(0, Counting.Count(looking.FileName));
    }

    [Fact]
    public async Task Scripts_run_at_the_same_time_each_get_their_own_interpreter()
    {
        var requests = Enumerable.Range(0, 4).Select(index => Script($"import time\ntime.sleep(0.3)\nprint({index})\n")).ToList();

        var outcomes = await Task.WhenAll(requests.Select(request => Warm.RunAsync(request, CancellationToken.None)));

        Assert.Equal(["0", "1", "2", "3"], outcomes.Select(outcome => outcome.StandardOutput.Text.Trim()));
        Assert.Equal(0, Counting.Count(requests[0].FileName));
    }

    [Fact]
    public async Task A_script_that_overruns_is_stopped_with_its_interpreter_and_the_next_gets_a_new_one()
    {
        var endless = Script("while True:\n    pass\n") with { Timeout = TimeSpan.FromSeconds(1) };
        var quick = Script("print('fine')\n");

        var stopped = await Warm.RunAsync(endless, CancellationToken.None);
        var next = await Warm.RunAsync(quick, CancellationToken.None);

        Assert.True(stopped.TimedOut);
        Assert.Null(stopped.ExitCode);
        Assert.Equal("fine", next.StandardOutput.Text.Trim());
        Assert.Equal(0, Counting.Count(quick.FileName));
    }

    [Fact]
    public async Task A_script_that_crashes_its_interpreter_runs_again_as_a_fresh_process()
    {
        var crashing = Script("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n");

        var crashed = await Warm.RunAsync(crashing, CancellationToken.None);

        Assert.Equal(139, crashed.ExitCode);
        Assert.Equal(1, Counting.Count(crashing.FileName));
    }

    protected override ProcessRequest Shape(ProcessRequest request) => request with { RunsNoSubmissionCode = true };
}
