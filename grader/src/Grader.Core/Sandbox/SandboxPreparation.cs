using System.Collections.Immutable;
using Grader.Core.Processes;
using Grader.Core.Provisioning;

namespace Grader.Core.Sandbox;

/// <summary>
/// Decides, once per grader process, how student code is isolated: finds bubblewrap (installing it the way the other
/// tools are installed when it is missing), then starts one trivial command in the full sandbox. Where that fails (a
/// container without user namespaces, say) the answer is, as root, a uid of its own per run, and otherwise resource
/// limits only, with the reason in one line.
/// </summary>
public sealed class SandboxPreparation(IProcessRunner runner, SystemToolProvisioner provisioner, ProvisionerSettings settings)
{
    public static SystemTool Bubblewrap { get; } = new("bwrap", "bubblewrap", "the sandbox that keeps student code from everything but its own copy");

    private static readonly TimeSpan TrialTimeout = TimeSpan.FromSeconds(20);

    /// <summary>GRADER_SANDBOX=user skips bubblewrap for the uid-per-run sandbox (a container that has no namespaces to give; the tests).</summary>
    public const string ModeVariable = "GRADER_SANDBOX";

    public async Task<ChildSandbox> PrepareAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var prlimit = settings.Find("prlimit");
        if (environment.GetValueOrDefault(ModeVariable) == "user")
        {
            return await WithoutNamespacesAsync(
                new("user", $"{ModeVariable}=user asks for a uid of its own per run instead of bubblewrap"), prlimit, cancellationToken).ConfigureAwait(false);
        }

        var found = await provisioner.EnsureAsync(Bubblewrap, cancellationToken).ConfigureAwait(false);
        if (found.Status == ProvisionStatus.Missing || settings.Find(Bubblewrap.Command) is not { } path)
        {
            return await WithoutNamespacesAsync(
                new("bubblewrap is missing", $"bubblewrap is missing: run `{Bubblewrap.InstallCommand}`"), prlimit, cancellationToken).ConfigureAwait(false);
        }

        var command = new BubblewrapCommand(path, prlimit ?? "prlimit");
        var trial = await TryAsync(command, cancellationToken).ConfigureAwait(false);
        if (trial is not null)
        {
            return await WithoutNamespacesAsync(
                new(
                    "no namespaces here",
                    $"bubblewrap cannot create namespaces on this machine ({trial}); some containers, such as unprivileged Docker, forbid them"),
                prlimit,
                cancellationToken).ConfigureAwait(false);
        }

        var version = await VersionAsync(path, cancellationToken).ConfigureAwait(false);
        return ChildSandbox.Namespaces(new Isolation(IsolationLevel.Namespaces, $"{version} (namespaces: user, pid, network, mount, ipc, uts)"), command);
    }

    /// <summary>Why bubblewrap is not used: a few words for the report, and the whole reason.</summary>
    private sealed record NoNamespaces(string Short, string Reason);

    // As root, a uid of its own per run (if setpriv works here); otherwise limits only.
    private async Task<ChildSandbox> WithoutNamespacesAsync(NoNamespaces why, string? prlimit, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows() && settings.IsRoot && settings.Find("setpriv") is { } setpriv)
        {
            var user = new UnprivilegedUserCommand(setpriv, prlimit);
            var trial = await runner.RunAsync(
                new ProcessRequest(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", "--no-new-privs", "--", "/bin/true"], "/", ChildEnvironment.For("/", null), null, TrialTimeout, 4096),
                cancellationToken).ConfigureAwait(false);
            if (trial.Succeeded)
            {
                UnprivilegedUserCommand.KeepNewFilesPrivate();
                return ChildSandbox.UnprivilegedUser(
                    new Isolation(IsolationLevel.UnprivilegedUser, $"a uid of its own per run, no namespaces ({why.Short})", $"{why.Reason}; student code runs as a uid of its own instead, which sees the machine's world-readable files and the network"),
                    user);
            }
        }

        return ChildSandbox.LimitsOnly(Isolation.Unavailable(why.Short, why.Reason), prlimit);
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
