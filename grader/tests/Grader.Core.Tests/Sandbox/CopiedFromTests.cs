using System.Collections.Immutable;
using Grader.Core.Processes;
using Grader.Core.Sandbox;
using Grader.Core.Tests.Intake;

namespace Grader.Core.Tests.Sandbox;

/// <summary>
/// Tasks run together get their working copies from one host folder (<see cref="SandboxView.CopiedFrom"/>): under
/// bubblewrap the sandbox's start-up copies it into each task's folder on its tmpfs, without namespaces the sandbox
/// makes the copies on the host. Either way each task sees the whole folder, modes kept, and a change in one copy
/// shows in no other copy and not on the host.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CopiedFromTests : IDisposable
{
    // Reads the first copy, changes it, then reads the second copy and lists its subfolder.
    private const string Script =
        "cat a.txt; test -x a.txt && echo executable; echo changed > a.txt; cat ../../t1/submission/a.txt; ls ../../t1/submission/sub";

    private readonly TempFolder temp = new();

    [Fact]
    public async Task Under_bubblewrap_every_copy_holds_the_source_and_the_host_folders_are_never_made()
    {
        Assert.True(File.Exists(Bubblewrap), "bubblewrap is not installed: `grader setup --tests` installs it");
        var sandbox = ChildSandbox.Namespaces(new Isolation(IsolationLevel.Namespaces, "bubblewrap"), new BubblewrapCommand(Bubblewrap, "/usr/bin/prlimit"));

        var output = await RunAsync(sandbox);

        Assert.Equal("original\nexecutable\noriginal\nb.txt\n", output);
        Assert.False(Directory.Exists(temp.Path("root", "t0", "submission")));
        Assert.Equal("original\n", File.ReadAllText(temp.Path("source", "a.txt")));
    }

    [Fact]
    public async Task Without_namespaces_the_copies_are_made_on_the_host_before_the_child_starts()
    {
        var output = await RunAsync(ChildSandbox.LimitsOnly(Isolation.Declined, null));

        Assert.Equal("original\nexecutable\noriginal\nb.txt\n", output);
        Assert.Equal("changed\n", File.ReadAllText(temp.Path("root", "t0", "submission", "a.txt")));
        Assert.Equal("original\n", File.ReadAllText(temp.Path("source", "a.txt")));
    }

    [Fact]
    public void A_copied_folder_outside_the_private_root_is_refused()
    {
        var view = View() with { CopiedIn = [temp.Folder("elsewhere")] };

        Assert.Throws<ArgumentException>(() => new BubblewrapCommand(Bubblewrap, "/usr/bin/prlimit").Confine(Request(), view));
    }

    private const string Bubblewrap = "/usr/bin/bwrap";

    private async Task<string> RunAsync(ChildSandbox sandbox)
    {
        var outcome = await sandbox.RunAsync(new ProcessRunner(), Request(), View(), CancellationToken.None);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError.Text);
        return outcome.StandardOutput.Text;
    }

    private SandboxView View()
    {
        temp.Write("source/a.txt", "original\n");
        File.SetUnixFileMode(temp.Path("source", "a.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        temp.Write("source/sub/b.txt", "b\n");
        var root = temp.Folder("root");
        var copies = new[] { temp.Path("root", "t0", "submission"), temp.Path("root", "t1", "submission") };
        return new SandboxView(root, [.. copies], [], [], copies[0], 1024 * 1024, new ChildLimits(Processes: 64))
        {
            CopiedFrom = copies.ToDictionary(copy => copy, _ => temp.Path("source")).ToImmutableDictionary(),
        };
    }

    private ProcessRequest Request() =>
        new("/bin/sh", ["-c", Script], temp.Root, ChildEnvironment.For(temp.Root, null), null, TimeSpan.FromSeconds(30), 4096);

    public void Dispose() => temp.Dispose();
}
