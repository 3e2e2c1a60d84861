using System.Net;
using System.Net.Sockets;

namespace Grader.Cli.Tests.Sandbox;

/// <summary>
/// The escape cases of the hostile gallery, graded by the real CLI. In the sandbox each keeps the honest full marks,
/// finds nothing to read or change, and leaves no process behind. The same case with --no-sandbox does escape: each
/// test checks that, so that it cannot pass without the sandbox doing its work.
/// </summary>
[Collection(SandboxCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SandboxEscapeTests : IDisposable
{
    // The survivor case's sleeper: a duration nothing else on the machine sleeps for.
    private const string SleeperArguments = "sleep\u00007.25";

    private readonly TempDirectory work = new();
    private readonly Canary canary = new();
    private readonly HashSet<int> earlierSleepers = [.. AllSleepers().Select(process => process.Id)];

    [Theory]
    [InlineData("read-outside")]
    [InlineData("write-outside")]
    [InlineData("disk-flood")]
    public async Task An_attack_on_files_outside_the_copy_fails_in_the_sandbox_and_succeeds_without_it(string name)
    {
        var submission = HostileSubmission.Create(name, work.Path(name));

        var (sandboxed, output, _) = await CliRunner.RunAsync("check", submission, "--seed", "5");
        Assert.Equal(0, sandboxed);
        Assert.DoesNotContain(canary.Secret, output, StringComparison.Ordinal);
        Assert.Equal(["secret.txt"], canary.Names);

        var (unconfined, _, _) = await CliRunner.RunAsync("check", submission, "--seed", "5", "--no-sandbox");
        Assert.Equal(1, unconfined);
        RemoveWhatTheProbeGot();
    }

    [Fact]
    public async Task A_connection_to_loopback_is_refused_in_the_sandbox_and_made_without_it()
    {
        var submission = HostileSubmission.Create("network", work.Path("network"));
        using var listener = Listen();


        var (sandboxed, _, _) = await CliRunner.RunAsync("check", submission, "--seed", "5");
        Assert.Equal(0, sandboxed);
        Assert.False(listener.Pending());

        var (unconfined, _, _) = await CliRunner.RunAsync("check", submission, "--seed", "5", "--no-sandbox");
        Assert.Equal(1, unconfined);
        Assert.True(listener.Pending());
    }

    [Fact]
    public async Task A_double_forked_setsid_process_dies_with_the_sandbox_and_outlives_a_run_without_it()
    {
        var submission = HostileSubmission.Create("survivor", work.Path("survivor"));
        var (sandboxed, _, _) = await CliRunner.RunAsync("check", submission, "--seed", "5");
        Assert.Equal(0, sandboxed);
        Assert.Empty(await SleepersAfterAsync());

        var (unconfined, _, _) = await CliRunner.RunAsync("check", submission, "--seed", "5", "--no-sandbox");
        Assert.Equal(0, unconfined);
        Assert.NotEmpty(Sleepers());
    }

    [Fact]
    public async Task A_csharp_module_initializer_reads_writes_connects_and_forks_nothing_in_the_sandbox_and_all_of_it_without()
    {
        var submission = HostileSubmission.CreateCSharp("escape", work.Path("csharp"));
        using var listener = Listen();

        var (sandboxed, _, _) = await CliRunner.RunAsync("check", submission, "--seed", "5");
        Assert.Equal(0, sandboxed);
        Assert.Equal(["secret.txt"], canary.Names);
        Assert.False(listener.Pending());
        Assert.Empty(await SleepersAfterAsync());

        var (unconfined, _, _) = await CliRunner.RunAsync("check", submission, "--seed", "5", "--no-sandbox", "--task", "0");
        Assert.Equal(1, unconfined);
        Assert.Contains("written.txt", canary.Names);
        Assert.True(listener.Pending());
        Assert.NotEmpty(Sleepers());
    }

    [Fact]
    public async Task A_csharp_projects_msbuild_target_run_by_the_project_loader_writes_nothing_outside_in_the_sandbox_and_does_without()
    {
        var submission = HostileSubmission.CreateCSharp("msbuild-target", work.Path("msbuild"));

        var (sandboxed, output, _) = await CliRunner.RunAsync("check", submission, "--seed", "5", "--task", "0", "--format", "json");
        Assert.Contains("\"id\": \"CS-FILE-006\"", output, StringComparison.Ordinal);
        Assert.Equal(0, sandboxed);
        Assert.Equal(["secret.txt"], canary.Names);

        await CliRunner.RunAsync("check", submission, "--seed", "5", "--task", "0", "--no-sandbox");
        Assert.Contains("written.txt", canary.Names);
    }

    // GRADER_SANDBOX=user: the uid-per-run sandbox of machines without namespaces. Its interpreter must be readable by
    // any user, as Debian's is (this machine's pyenv lives in /root).
    [Fact]
    public async Task Without_namespaces_a_uid_of_its_own_writes_nothing_outside_and_leaves_no_process()
    {
        var variables = new Dictionary<string, string?> { ["GRADER_SANDBOX"] = "user" };
        // The grader's own probe folder is read by every run and given to none (it once was, when it lay under /tmp).
        var probe = Path.Combine(AppContext.BaseDirectory, "checks", "python-async", "probe");
        var probeMode = File.GetUnixFileMode(probe);
        var writer = HostileSubmission.Create("write-outside", work.Path("write-outside"));
        var survivor = HostileSubmission.Create("survivor", work.Path("survivor"));
        var (wrote, _, error) = await CliRunner.RunInAsync(variables, work.Path("no-gradescope"), "check", writer, "--seed", "5", "--python", "/usr/bin/python3");
        Assert.Equal(0, wrote);
        Assert.Contains("grader: sandbox without namespaces: GRADER_SANDBOX=user", error, StringComparison.Ordinal);
        Assert.Equal(["secret.txt"], canary.Names);

        var (forked, _, _) = await CliRunner.RunInAsync(variables, work.Path("no-gradescope"), "check", survivor, "--seed", "5", "--python", "/usr/bin/python3");
        Assert.Equal(0, forked);
        Assert.Empty(await SleepersAfterAsync());
        Assert.Equal(probeMode, File.GetUnixFileMode(probe));
    }

    [Fact]
    public async Task A_classmate_keeps_their_files_and_grade_in_a_sandboxed_batch_and_loses_them_without_it()
    {
        // The attack only touches folders so marked: unconfined, it must not reach anything but this test's files.
        File.WriteAllText(work.Path("classmate-attack-target"), string.Empty);
        foreach (var (flags, escapes) in new[] { (Array.Empty<string>(), false), (["--no-sandbox"], true) })
        {
            var source = work.Path("class" + flags.Length);
            var victim = Path.Combine(source, "a-victim");
            BatchCommandTests.Copy(CliRunner.Path("reference-solution", "python"), victim);
            HostileSubmission.Create("classmate", Path.Combine(source, "b-attacker"));
            var before = File.ReadAllText(Path.Combine(victim, "0-basic_async_syntax.py"));
            var output = work.Path("out" + flags.Length);

            var (exitCode, _, _) = await CliRunner.RunAsync(["batch", source, "--out", output, "--jobs", "1", "--seed", "5", .. flags]);

            Assert.Equal(0, exitCode);
            var kept = File.ReadAllText(Path.Combine(victim, "0-basic_async_syntax.py")) == before
                && Score(output, "a-victim") == "173";
            Assert.Equal(!escapes, kept);
        }
    }

    // A behaviour run under namespaces is forked from a warm probe that serves the runs after it: what one run leaves
    // behind (a daemon, files on the probe's tmpfs) must be gone before the next begins. The second attacker loses
    // points when it finds the first one's files; the victim when a daemon outlived the attackers' runs.
    [Fact]
    public async Task What_a_submission_leaves_behind_spoils_the_next_ones_in_a_batch_without_the_sandbox_and_nothing_in_it()
    {
        foreach (var (flags, escapes) in new[] { (Array.Empty<string>(), false), (["--no-sandbox"], true) })
        {
            var output = await GradeTwoCopiesAsync("lingerer", flags, source =>
            {
                var victim = Path.Combine(source, "c-victim");
                BatchCommandTests.Copy(CliRunner.Path("reference-solution", "python"), victim);
                File.AppendAllText(Path.Combine(victim, "0-basic_async_syntax.py"), "# lingerer-victim\n");
            });

            Assert.Equal(!escapes, Score(output, "c-victim") == "173");
            if (!escapes)
            {
                Assert.Equal("173", Score(output, "a-attacker"));
                Assert.Equal("173", Score(output, "b-attacker"));
            }
        }
    }

    // SysV IPC objects and POSIX message queues live in the kernel's IPC namespace, not in files: a warm probe must
    // remove those a run made before the next one. The second attacker loses points when it finds the first one's.
    [Fact]
    public async Task What_a_submission_leaves_in_the_IPC_namespace_reaches_the_next_one_without_the_sandbox_and_nothing_in_it()
    {
        foreach (var (flags, escapes) in new[] { (Array.Empty<string>(), false), (["--no-sandbox"], true) })
        {
            try
            {
                var output = await GradeTwoCopiesAsync("ipc-leftover", flags);

                Assert.Equal(!escapes, Score(output, "b-attacker") == "173");
                if (!escapes)
                {
                    Assert.Equal("173", Score(output, "a-attacker"));
                }
            }
            finally
            {
                await RemoveIpcLeftoversAsync();
            }
        }
    }

    // Grades two copies of a hostile case, a-attacker then b-attacker, and what addToClass adds, in a batch of one job:
    // the copies are served one after the other by the same warm probe. Returns the batch's output folder.
    private async Task<string> GradeTwoCopiesAsync(string name, string[] flags, Action<string>? addToClass = null)
    {
        var source = work.Path($"{name}-class{flags.Length}");
        HostileSubmission.Create(name, Path.Combine(source, "a-attacker"));
        HostileSubmission.Create(name, Path.Combine(source, "b-attacker"));
        addToClass?.Invoke(source);
        var output = work.Path($"{name}-out{flags.Length}");

        var (exitCode, _, _) = await CliRunner.RunAsync(["batch", source, "--out", output, "--jobs", "1", "--seed", "5", .. flags]);

        Assert.Equal(0, exitCode);
        return output;
    }

    // What the unconfined attackers may have left in the machine's own IPC namespace (the key and the queue of
    // Fixtures/hostile/python/ipc-leftover/attack.py).
    private static async Task RemoveIpcLeftoversAsync()
    {
        const string Script = "import ctypes, ctypes.util\n"
            + "libc = ctypes.CDLL(None)\n"
            + "rt = libc if hasattr(libc, 'mq_unlink') else ctypes.CDLL(ctypes.util.find_library('rt'))\n"
            + "for get, control in ((lambda: libc.shmget(0x67726164, 0, 0), lambda i: libc.shmctl(i, 0, None)),\n"
            + "                     (lambda: libc.msgget(0x67726164, 0), lambda i: libc.msgctl(i, 0, None)),\n"
            + "                     (lambda: libc.semget(0x67726164, 0, 0), lambda i: libc.semctl(i, 0, 0))):\n"
            + "    ident = get()\n"
            + "    if ident >= 0:\n"
            + "        control(ident)\n"
            + "rt.mq_unlink(b'/grader-ipc-leftover')\n";
        using var process = System.Diagnostics.Process.Start("python3", ["-c", Script]);
        await process.WaitForExitAsync();
    }

    private static string? Score(string output, string student)
    {
        var rows = File.ReadAllLines(Path.Combine(output, "grades.csv")).Select(line => line.TrimStart('\uFEFF').Split(',')).ToList();
        var column = Array.IndexOf(rows[0], "score");
        var status = Array.IndexOf(rows[0], "status");
        return rows.Skip(1).FirstOrDefault(row => row[0] == student && row[status] == "graded")?[column];
    }

    // Kills the sleepers this test's unconfined runs left behind.
    public void Dispose()
    {
        foreach (var sleeper in Sleepers())
        {
            sleeper.Kill();
        }

        canary.Dispose();
        work.Dispose();
    }

    // The loopback listener the network attacks aim at.
    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 47613);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    // A process killed at the end of a run takes a moment to be gone from /proc.
    private async Task<List<System.Diagnostics.Process>> SleepersAfterAsync()
    {
        for (var attempt = 0; attempt < 30 && Sleepers().Count > 0; attempt++)
        {
            await Task.Delay(100);
        }

        return Sleepers();
    }

    // The sleepers this test's runs started: one left by an earlier test, not yet killed or reaped, does not count.
    private List<System.Diagnostics.Process> Sleepers() => [.. AllSleepers().Where(process => !earlierSleepers.Contains(process.Id))];

    private static List<System.Diagnostics.Process> AllSleepers() =>
        [.. Directory.GetDirectories("/proc")
            .Where(folder => int.TryParse(Path.GetFileName(folder), out _))
            .Where(folder => ReadCommandLine(folder).StartsWith(SleeperArguments, StringComparison.Ordinal))
            .Select(folder => System.Diagnostics.Process.GetProcessById(int.Parse(Path.GetFileName(folder), System.Globalization.CultureInfo.InvariantCulture)))];

    private static string ReadCommandLine(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "cmdline"));
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    // Unconfined, the write attack reaches the grader's own probe folder (the copy in the test's output folder).
    private static void RemoveWhatTheProbeGot()
    {
        var written = Path.Combine(AppContext.BaseDirectory, "checks", "python-async", "probe", "asyncprobe", "written-by-student");
        File.Delete(written);
    }
}

/// <summary>The tests that watch the machine (processes, a loopback port) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SandboxCollection
{
    public const string Name = "sandbox escapes";
}
