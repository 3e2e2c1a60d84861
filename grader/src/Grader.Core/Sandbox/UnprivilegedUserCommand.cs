using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Grader.Core.Processes;

namespace Grader.Core.Sandbox;

/// <summary>
/// The isolation left where the grader runs as root but no namespaces can be made (an unprivileged container): each
/// run gets a uid of its own that owns nothing but its copies and its results files (setpriv drops every group and
/// privilege), and when the run ends every process of that uid is killed, setsid or not. The folders above the copies
/// become traversable, never listable, and the copies readable by their owner only, so a run cannot read another's.
/// What it cannot give: the machine's world-readable files stay readable, the network reachable, the disk uncapped
/// but by the per-file limit.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class UnprivilegedUserCommand(string setpriv, string? prlimit)
{
    private const int UidRangeStart = 200_000;

    private readonly Lock gate = new();

    // A random start per grader process, so that two graders on one machine are unlikely to share a uid.
    private int nextUid = UidRangeStart + (Random.Shared.Next(0, 800) * 1000);

    public int AllocateUid()
    {
        lock (gate)
        {
            return nextUid++;
        }
    }

    public ProcessRequest Confine(ProcessRequest request, SandboxView view, int uid)
    {
        foreach (var folder in view.CopiedIn)
        {
            GiveTree(folder, uid);
            OpenTheWay(folder);
        }

        // What the grader built for this run alone (the C# harness with the student's assembly) is the run's too,
        // read-only; the grader's own files and the interpreter are world-readable already, and are never touched.
        foreach (var path in view.BuiltForRun)
        {
            GiveTree(path, uid, readOnly: true);
            OpenTheWay(path);
        }

        foreach (var file in view.WritableFiles)
        {
            Give(file, uid, owner: UnixFileMode.UserWrite);
            OpenTheWay(file);
        }

        var arguments = ImmutableArray.CreateBuilder<string>();
        arguments.AddRange(Identity(uid));
        arguments.AddRange("--no-new-privs", "--");
        arguments.AddRange(prlimit is null ? [] : BubblewrapCommand.LimitArguments(prlimit, view.Limits));
        arguments.Add(request.FileName);
        arguments.AddRange(request.Arguments);
        return request with { FileName = setpriv, Arguments = arguments.ToImmutable(), WorkingDirectory = view.WorkingDirectory, OwnProcessGroup = true };
    }

    /// <summary>Kills every process of <paramref name="uid"/>: kill(-1) as that user reaches exactly its own processes (the caller excepted).</summary>
    public ProcessRequest KillAll(int uid) =>
        new(setpriv, [.. Identity(uid), "--", "/bin/sh", "-c", "kill -9 -1"], "/", ChildEnvironment.For("/", null), null, TimeSpan.FromSeconds(10), 4096);

    private static string[] Identity(int uid)
    {
        var id = uid.ToString(CultureInfo.InvariantCulture);
        return [$"--reuid={id}", $"--regid={id}", "--clear-groups"];
    }

    // Each copy is its owner's alone: 0700 folders, 0600 files (0700 where the student made them executable); without
    // the write bits when read-only.
    private static void GiveTree(string folder, int uid, bool readOnly = false)
    {
        var write = readOnly ? UnixFileMode.None : UnixFileMode.UserWrite;
        Give(folder, uid, UnixFileMode.UserRead | write | UnixFileMode.UserExecute);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
        {
            var executable = Directory.Exists(entry) || File.GetUnixFileMode(entry).HasFlag(UnixFileMode.UserExecute);
            Give(entry, uid, UnixFileMode.UserRead | write | (executable ? UnixFileMode.UserExecute : UnixFileMode.None));
        }
    }

    private static void Give(string path, int uid, UnixFileMode owner)
    {
        if (Chown(path, uid, uid) != 0)
        {
            throw new IOException($"cannot give {path} to uid {uid} (errno {Marshal.GetLastPInvokeError()})");
        }

        File.SetUnixFileMode(path, owner);
    }

    // The grader's folders above a copy, up to the first one anyone may search already (the temporary folder):
    // searchable by anyone, listable by the grader only. Nothing at or above the temporary folder is ever changed.
    private static void OpenTheWay(string path)
    {
        var temporary = Path.GetFullPath(Path.GetTempPath()).TrimEnd(Path.DirectorySeparatorChar);
        for (var current = Path.GetDirectoryName(Path.GetFullPath(path)); current is not null && current.StartsWith(temporary + Path.DirectorySeparatorChar, StringComparison.Ordinal); current = Path.GetDirectoryName(current))
        {
            var mode = File.GetUnixFileMode(current);
            if (mode.HasFlag(UnixFileMode.OtherExecute))
            {
                return;
            }

            File.SetUnixFileMode(current, mode | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>
    /// Why a run's uid could not start <paramref name="program"/> (a folder on its way that other users may not enter,
    /// as pyenv's interpreters under a root's /root), or null. Nothing of the grader's is changed to let it in.
    /// </summary>
    public static string? Unreachable(string program)
    {
        var full = File.ResolveLinkTarget(program, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(program);
        for (var folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(folder) && !File.GetUnixFileMode(folder).HasFlag(UnixFileMode.OtherExecute))
            {
                return $"{program} lies in {folder}, which other users may not enter";
            }
        }

        return null;
    }

    /// <summary>
    /// From now on this process creates files for its owner only (umask 077): in a shared temporary folder whose
    /// folders a run may search, nothing the grader writes (a classmate's files for the style check) is readable.
    /// </summary>
    public static void KeepNewFilesPrivate() => _ = SetUmask(0b000_111_111);

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial int SetUmask(int mask);

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int owner, int group);
}
