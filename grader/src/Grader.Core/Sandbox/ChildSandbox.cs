using Grader.Core.Processes;

namespace Grader.Core.Sandbox;

/// <summary>
/// The isolation every child that runs student code gets in this grader process: bubblewrap where the machine offers
/// namespaces, else (as root) a uid of its own per run, else resource limits only (<see cref="SandboxPreparation"/>
/// finds out, once). A runner hands it the request and the <see cref="SandboxView"/> the child may see; the sandbox
/// starts the child, confined, and ends what it left behind.
/// </summary>
public sealed class ChildSandbox
{
    private readonly BubblewrapCommand? bubblewrap;
    private readonly UnprivilegedUserCommand? user;
    private readonly string? prlimit;

    private ChildSandbox(Isolation isolation, BubblewrapCommand? bubblewrap, string? prlimit, UnprivilegedUserCommand? user = null)
    {
        Isolation = isolation;
        this.bubblewrap = bubblewrap;
        this.prlimit = prlimit;
        this.user = user;
    }

    public Isolation Isolation { get; }

    /// <summary>No isolation was asked for: what a library caller (a unit test) gets unless it prepares one.</summary>
    public static ChildSandbox Unconfined { get; } = new(new Isolation(IsolationLevel.LimitsOnly, "none (not requested)", "no sandbox was prepared", Chosen: true), null, null);

    public static ChildSandbox Namespaces(Isolation isolation, BubblewrapCommand bubblewrap) => new(isolation, bubblewrap, null);

    /// <summary>Resource limits only (through <paramref name="prlimitPath"/> when the system has prlimit), and why no more.</summary>
    public static ChildSandbox LimitsOnly(Isolation isolation, string? prlimitPath) => new(isolation, null, prlimitPath);

    public static ChildSandbox UnprivilegedUser(Isolation isolation, UnprivilegedUserCommand user) => new(isolation, null, null, user);

    /// <summary>
    /// Runs <paramref name="request"/> confined to <paramref name="view"/>, and afterwards ends whatever it left behind
    /// that the runner's process group kill cannot reach (the processes of a run's own uid).
    /// </summary>
    public async Task<ProcessOutcome> RunAsync(IProcessRunner runner, ProcessRequest request, SandboxView view, CancellationToken cancellationToken)
    {
        if (bubblewrap is null)
        {
            // Without namespaces the child works in the host folders themselves: those copied from elsewhere are made now.
            foreach (var folder in view.CopiedIn.Where(folder => view.SourceOf(folder) != folder))
            {
                WorkingCopy.CopyFolder(view.SourceOf(folder), folder);
            }
        }

        if (OperatingSystem.IsWindows())
        {
            return await runner.RunAsync(Confine(request, view), cancellationToken).ConfigureAwait(false);
        }

        // The files that pass through exist before the child starts (a sandbox binds them), and are write-only while it
        // runs: it appends its lines and cannot read back the nonce they carry. The grader reads them afterwards.
        foreach (var file in view.WritableFiles.Where(path => !Directory.Exists(path) && !File.Exists(path)))
        {
            File.WriteAllBytes(file, []);
        }

        if (user is not null && UnprivilegedUserCommand.Unreachable(request.FileName) is { } unreachable)
        {
            return ProcessOutcome.NotStarted(
                $"student code runs as a uid of its own here (no namespaces), and {unreachable}: give it a program outside that folder (Python: --python /usr/bin/python3), or grade where bubblewrap works");
        }

        SetModes(view.WritableFiles, UnixFileMode.UserWrite);
        var uid = user?.AllocateUid();
        try
        {
            return await runner.RunAsync(user is null ? Confine(request, view) : user.Confine(request, view, uid!.Value), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (user is not null)
            {
                await runner.RunAsync(user.KillAll(uid!.Value), CancellationToken.None).ConfigureAwait(false);
            }

            SetModes(view.WritableFiles, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>
    /// The command line of a resident process confined to <paramref name="view"/> (its init, <see cref="SandboxView.AsInit"/>),
    /// for a caller that starts and ends it itself; null unless this sandbox has namespaces, the only kind in which a
    /// resident process can keep each run it serves from every other.
    /// </summary>
    public ProcessRequest? ConfineResident(ProcessRequest request, SandboxView view) =>
        bubblewrap is null || OperatingSystem.IsWindows() ? null : bubblewrap.Confine(request, view with { AsInit = true });

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void SetModes(IEnumerable<string> files, UnixFileMode mode)
    {
        foreach (var file in files.Where(File.Exists))
        {
            File.SetUnixFileMode(file, mode);
        }
    }

    private ProcessRequest Confine(ProcessRequest request, SandboxView view)
    {
        if (bubblewrap is not null)
        {
            return bubblewrap.Confine(request, view);
        }

        // Without namespaces the child works in the host copies themselves; the limits are all that is left.
        var limits = prlimit is null ? [] : BubblewrapCommand.LimitArguments(prlimit, view.Limits);
        return limits.IsEmpty
            ? request with { WorkingDirectory = view.WorkingDirectory }
            : request with { FileName = limits[0], Arguments = [.. limits.Skip(1), request.FileName, .. request.Arguments], WorkingDirectory = view.WorkingDirectory };
    }
}
