using System.Collections.Immutable;
using System.Text;
using Grader.Core.Processes;
using Grader.Core.Sandbox;
using Grader.Core.Tests.Support;
using Grader.Python.Behaviour.Zygote;
using Grader.Python.Tools;

namespace Grader.Core.Tests.Python.Behaviour;

/// <summary>
/// The warm probe under bubblewrap, run by run: each child gets the run's files and its channel, its exit code and stderr
/// come back, a run that overstays is killed, and the zygote goes on serving. What one run leaves behind is gone before
/// the next: the CLI's hostile gallery (the lingerer and ipc-leftover cases) checks that on whole batches.
/// </summary>
[Collection(GradingCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProbeZygoteTests(GradingFixture fixture) : IAsyncLifetime
{
    private const string Bubblewrap = "/usr/bin/bwrap";

    private readonly ProbeZygotes zygotes = new();

    [Fact]
    public async Task A_run_reports_its_exit_and_stderr_and_one_that_overstays_is_killed_without_ending_the_zygote()
    {
        var zygote = await StartAsync();

        var refused = await RunAsync(zygote, "{\"protocol\": 0}\n", TimeSpan.FromSeconds(20));
        Assert.Equal(2, refused.Outcome.ExitCode);
        Assert.Contains("bad configuration", refused.Outcome.StandardError.Text, StringComparison.Ordinal);

        // The probe waits for its configuration, which never comes.
        var silent = await RunAsync(zygote, null, TimeSpan.FromSeconds(1));
        Assert.True(silent.Outcome.TimedOut);
        Assert.Null(silent.Outcome.ExitCode);

        var again = await RunAsync(zygote, "{\"protocol\": 0}\n", TimeSpan.FromSeconds(20));
        Assert.Equal(2, again.Outcome.ExitCode);
        Assert.False(zygote.IsGone);
    }

    [Fact]
    public async Task The_exchange_holds_nothing_once_the_run_has_its_channel()
    {
        var zygote = await StartAsync();
        var slot = zygote.NewSlot();
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(slot.Intake, "submission")).FullName, "a.txt"), "a student's file");
        var copy = Path.Combine(slot.Folder, "submission");
        var exchange = Path.GetDirectoryName(slot.Intake)!;
        var conversation = new ScriptedConversation("{\"protocol\": 0}\n", () => Directory.GetFileSystemEntries(exchange));

        var ran = await zygote.RunAsync(slot, Run(copy, [(Path.Combine(slot.Intake, "submission"), copy)]), conversation, TimeSpan.FromSeconds(20), CancellationToken.None);

        Assert.NotNull(ran);
        Assert.Equal(2, ran.Outcome.ExitCode);
        // The probe reads its configuration before anything else: by then the socket and the intake were removed.
        Assert.Empty(conversation.SeenWhenTalking!);
        Assert.False(Directory.Exists(slot.Intake));
    }

    private async Task<ProbeZygote> StartAsync()
    {
        Assert.True(File.Exists(Bubblewrap), "bubblewrap is not installed: `grader setup --tests` installs it");
        var python = fixture.Tools.Target ?? throw new InvalidOperationException("no Python to run the probe");
        var sandbox = ChildSandbox.Namespaces(new Isolation(IsolationLevel.Namespaces, "bubblewrap"), new BubblewrapCommand(Bubblewrap, "/usr/bin/prlimit"));
        var probe = Path.Combine(RepositoryPaths.Assignment, "probe", "probe.py");
        var installation = Path.GetDirectoryName(Path.GetDirectoryName(File.ResolveLinkTarget(python.Path, true)?.FullName ?? python.Path))!;
        var zygote = await zygotes.RentAsync(sandbox, python.Path, probe, [installation, Path.GetDirectoryName(probe)!], 64L * 1024 * 1024, 16L * 1024 * 1024);
        return Assert.IsType<ProbeZygote>(zygote);
    }

    private static async Task<ZygoteOutcome> RunAsync(ProbeZygote zygote, string? configuration, TimeSpan timeout)
    {
        var slot = zygote.NewSlot();
        var copy = Path.Combine(slot.Folder, "submission");
        var ran = await zygote.RunAsync(slot, Run(copy, []), new ScriptedConversation(configuration, null), timeout, CancellationToken.None);
        return Assert.IsType<ZygoteOutcome>(ran);
    }

    private static ZygoteRun Run(string workingDirectory, ImmutableArray<(string Source, string Target)> copies) =>
        new([workingDirectory], copies, workingDirectory, PythonChildEnvironment.For(workingDirectory, null), [], 64 * 1024);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await zygotes.DisposeAsync();

    // Sends one line (or nothing) and listens until the child's end of the channel closes.
    private sealed class ScriptedConversation(string? line, Func<string[]>? look) : IChildConversation
    {
        public string[]? SeenWhenTalking { get; private set; }

        public async Task TalkAsync(Stream fromChild, Stream toChild, CancellationToken cancellationToken)
        {
            SeenWhenTalking = look?.Invoke();
            if (line is not null)
            {
                await toChild.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
                await toChild.FlushAsync(cancellationToken);
            }

            var buffer = new byte[4096];
            while (await fromChild.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
    }
}
