using System.Collections.Immutable;
using Grader.Core.Processes;
using Grader.Core.Provisioning;

namespace Grader.Core.Sandbox;

/// <summary>
/// Decides, once per grader process, how student code is isolated: finds bubblewrap (installing it the way the other
/// tools are installed when it is missing), then starts one trivial command in the full sandbox. Where that fails (a
/// container without user namespaces, say) the answer is resource limits only, with the reason in one line.
/// </summary>
public sealed class SandboxPreparation(IProcessRunner runner, SystemToolProvisioner provisioner, ProvisionerSettings settings)
{
    public static SystemTool Bubblewrap { get; } = new("bwrap", "bubblewrap", "the sandbox that keeps student code from everything but its own copy");

    private static readonly TimeSpan TrialTimeout = TimeSpan.FromSeconds(20);

    public async Task<ChildSandbox> PrepareAsync(CancellationToken cancellationToken)
    {
        var prlimit = settings.Find("prlimit");
        var found = await provisioner.EnsureAsync(Bubblewrap, cancellationToken).ConfigureAwait(false);
        if (found.Status == ProvisionStatus.Missing || settings.Find(Bubblewrap.Command) is not { } path)
        {
            return ChildSandbox.LimitsOnly(Isolation.Unavailable("bubblewrap is missing", $"bubblewrap is missing: run `{Bubblewrap.InstallCommand}`"), prlimit);
        }

        var command = new BubblewrapCommand(path, prlimit ?? "prlimit");
        var trial = await TryAsync(command, cancellationToken).ConfigureAwait(false);
        if (trial is not null)
        {
            return ChildSandbox.LimitsOnly(
                Isolation.Unavailable("no namespaces here", $"bubblewrap cannot create namespaces on this machine ({trial}); some containers, such as unprivileged Docker, forbid them"),
                prlimit);
        }

        var version = await VersionAsync(path, cancellationToken).ConfigureAwait(false);
        return ChildSandbox.Namespaces(new Isolation(IsolationLevel.Namespaces, $"{version} (namespaces: user, pid, network, mount, ipc, uts)"), command);
    }

    // The same shape of sandbox a run uses, around /bin/true: null when it worked, else what went wrong.
    private async Task<string?> TryAsync(BubblewrapCommand command, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("grader-sandbox-trial-").FullName;
        try
        {
            var copy = Directory.CreateDirectory(Path.Combine(folder, "copy")).FullName;
            var view = new SandboxView(folder, [copy], [], [], copy, 1024 * 1024, new ChildLimits(Processes: 16));
            var request = new ProcessRequest("/bin/true", [], folder, ChildEnvironment.For(folder, null), null, TrialTimeout, 4096);
            var outcome = await runner.RunAsync(command.Confine(request, view), cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                return null;
            }

            var said = outcome.StandardError.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            return outcome.StartError ?? said ?? (outcome.TimedOut ? "it did not finish" : $"exit code {outcome.ExitCode}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<string> VersionAsync(string path, CancellationToken cancellationToken)
    {
        var outcome = await runner.RunAsync(new ProcessRequest(path, ["--version"], "/", ImmutableSortedDictionary<string, string>.Empty, null, TrialTimeout, 4096), cancellationToken).ConfigureAwait(false);
        var line = outcome.StandardOutput.Text.Trim();
        return line.Length > 0 ? line : "bubblewrap";
    }
}
