using System.Collections.Immutable;
using System.Globalization;
using Grader.Core.Processes;

namespace Grader.Core.Sandbox;

/// <summary>
/// Turns a request into the same command under bubblewrap: new user, pid, network, mount, ipc and uts namespaces; an
/// unprivileged uid; a read-only view of the system's programs and libraries and of what the view names; the private
/// root as a size-capped tmpfs that the working copies are copied into; resource limits (prlimit) on the command
/// and all it starts. The request runs in a process group of its own, which the runner kills when it ends: that takes
/// the pid namespace's init, and with it everything the command forked, setsid or not.
/// </summary>
public sealed class BubblewrapCommand(string bubblewrap, string prlimit)
{
    /// <summary>The uid and gid student code runs as inside the namespace ("nobody"): it owns nothing there but its copies.</summary>
    public const int SandboxUser = 65534;

    /// <summary>The private /tmp of a view with the network (the project loader's).</summary>
    public const long SdkTemporaryBytes = 64L * 1024 * 1024;

    // Where the host's copies are shown (read-only), each at its place relative to the private root, for the start-up
    // script to copy them all onto the tmpfs at once.
    private const string IntakeFolder = "/.grader-intake";

    // The top-level system folders a program may need: merged-/usr systems make most of them symlinks into /usr.
    private static readonly ImmutableArray<string> SystemFolders = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    // The few files of /etc that the dynamic loader, the C library and the runtimes read; nothing else of /etc shows.
    private static readonly ImmutableArray<string> SystemFiles = ["/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/localtime", "/etc/alternatives", "/etc/nsswitch.conf"];

    // What name resolution, TLS and the restore's user lookups read, for the one view with the network (without
    // /etc/passwd, 'dotnet restore' was seen to hang).
    private static readonly ImmutableArray<string> NetworkFiles = ["/etc/resolv.conf", "/etc/hosts", "/etc/host.conf", "/etc/gai.conf", "/etc/ssl", "/etc/ca-certificates", "/etc/passwd", "/etc/group"];

    // Copies the intake onto the tmpfs in one cp (one process however many copies: each costs milliseconds to start),
    // enters the working directory and becomes the command. POSIX sh, no quoting games: every path arrives as an
    // argument of its own.
    private const string StartScript =
        "set -e; if [ \"$1\" = copy ]; then cp -R -p " + IntakeFolder + "/. \"$2\"; fi; shift 2; "
        + "cd \"$1\"; shift; exec \"$@\"";

    public ProcessRequest Confine(ProcessRequest request, SandboxView view)
    {
        var arguments = ImmutableArray.CreateBuilder<string>();
        arguments.AddRange(
            "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--uid", Number(SandboxUser), "--gid", Number(SandboxUser),
            // Neither --die-with-parent, whose parent-death signal fires when the grader's thread that started bubblewrap
            // ends (a thread pool's thread may end at any time: runs were seen killed at start), nor --new-session,
            // which would take the namespace's init out of the runner's process group: the group kill at the end of
            // every run then reaches the init, and the kernel ends everything else in the namespace with it.
            "--hostname", "sandbox");
        if (view.AsInit)
        {
            arguments.Add("--as-pid-1");
        }

        foreach (var folder in SystemFolders)
        {
            AddSystemPath(arguments, folder);
        }

        foreach (var file in view.Network ? SystemFiles.AddRange(NetworkFiles) : SystemFiles)
        {
            arguments.AddRange("--ro-bind-try", file, file);
        }

        if (!view.Network)
        {
            arguments.Add("--unshare-net");
        }

        // The IPC namespace's own POSIX message queues, shown as files so that a warm probe can remove what a run left.
        arguments.AddRange("--proc", "/proc", "--dev", "/dev", "--mqueue", "/dev/mqueue");
        if (view.Network)
        {
            // The .NET SDK keeps its named mutexes in /tmp/.dotnet, whatever TMPDIR says: a small /tmp of its own,
            // mounted before anything of the view that lies under /tmp.
            arguments.AddRange("--size", Number(SdkTemporaryBytes), "--tmpfs", "/tmp");
        }
        foreach (var path in view.ReadOnly)
        {
            arguments.AddRange("--ro-bind", path, path);
        }

        foreach (var path in view.Masked)
        {
            arguments.AddRange("--size", "4096", "--tmpfs", path, "--remount-ro", path);
        }

        arguments.AddRange("--size", Number(view.PrivateBytes), "--tmpfs", view.PrivateRoot);
        foreach (var (folder, bytes) in view.OtherPrivateFolders.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            arguments.AddRange("--size", Number(bytes), "--tmpfs", folder);
        }

        foreach (var folder in view.CopiedIn)
        {
            arguments.AddRange("--ro-bind", view.SourceOf(folder), IntakePath(view.PrivateRoot, folder));
        }

        foreach (var file in view.WritableFiles)
        {
            arguments.AddRange("--bind", file, file);
        }

        // The root the mounts hang from is a tmpfs of bubblewrap's: read-only, so the capped one is the only place to write.
        arguments.AddRange("--remount-ro", "/", "--chdir", "/", "--", "/bin/sh", "-c", StartScript, "sh", view.CopiedIn.IsEmpty ? "none" : "copy", view.PrivateRoot);
        arguments.Add(view.WorkingDirectory);
        arguments.AddRange(LimitArguments(prlimit, view.Limits));
        arguments.Add(request.FileName);
        arguments.AddRange(request.Arguments);
        return request with { FileName = bubblewrap, Arguments = arguments.ToImmutable(), WorkingDirectory = "/", OwnProcessGroup = true };
    }

    /// <summary>prlimit's arguments for these limits, ending with "--"; with no limit set, none (the command runs as is).</summary>
    public static ImmutableArray<string> LimitArguments(string prlimit, ChildLimits limits)
    {
        var options = new List<string>();
        Add(options, "--cpu", limits.CpuSeconds);
        Add(options, "--nproc", limits.Processes);
        Add(options, "--nofile", limits.OpenFiles);
        Add(options, "--fsize", limits.FileSizeBytes);
        Add(options, "--as", limits.AddressSpaceBytes);
        return options.Count == 0 ? [] : [prlimit, .. options, "--"];
    }

    private static void Add(List<string> options, string name, long? value)
    {
        if (value is { } limit)
        {
            options.Add($"{name}={Number(limit)}");
        }
    }

    private static void AddSystemPath(ImmutableArray<string>.Builder arguments, string path)
    {
        var info = new DirectoryInfo(path);
        if (info.LinkTarget is { } target)
        {
            arguments.AddRange("--symlink", target, path);
        }
        else if (info.Exists)
        {
            arguments.AddRange("--ro-bind", path, path);
        }
    }

    // A copied folder's place in the intake mirrors its place under the private root.
    private static string IntakePath(string privateRoot, string folder)
    {
        var relative = Path.GetRelativePath(privateRoot, folder);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new ArgumentException($"a copied folder ({folder}) must lie under the private root ({privateRoot})", nameof(folder));
        }

        return $"{IntakeFolder}/{relative}";
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
