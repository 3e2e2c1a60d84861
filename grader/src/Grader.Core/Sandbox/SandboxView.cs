using System.Collections.Immutable;

namespace Grader.Core.Sandbox;

/// <summary>
/// What a child that runs student code may see and change, in host paths (the sandbox shows each at its own path, so
/// a script's configuration needs no translation). Everything else of the machine is absent.
/// </summary>
/// <param name="PrivateRoot">
/// A host folder the child sees as a fresh, size-capped tmpfs instead (under bubblewrap): the one writable place. The
/// host folder itself stays untouched, so whatever the child writes there is gone when it ends. Without namespaces
/// the child works in the host folder itself.
/// </param>
/// <param name="CopiedIn">
/// Folders under <paramref name="PrivateRoot"/> copied into the tmpfs before the command starts (the working copies, a
/// scratch HOME), each from itself unless <see cref="CopiedFrom"/> names another host folder.
/// </param>
/// <param name="WritableFiles">Files (or folders, which must exist) the grader reads afterwards, passed through to the host; a missing file is created empty.</param>
/// <param name="ReadOnly">Host folders or files the command needs to run (an interpreter's installation, the grader's probe), visible read-only.</param>
/// <param name="WorkingDirectory">The child's working directory, one of <paramref name="CopiedIn"/>.</param>
/// <param name="PrivateBytes">The size of the tmpfs: how much the child may write in all.</param>
public sealed record SandboxView(
    string PrivateRoot,
    ImmutableArray<string> CopiedIn,
    ImmutableArray<string> WritableFiles,
    ImmutableArray<string> ReadOnly,
    string WorkingDirectory,
    long PrivateBytes,
    ChildLimits Limits)
{
    /// <summary>
    /// Those of <see cref="ReadOnly"/> the grader built for this run alone (the C# harness with the student's assembly):
    /// without namespaces they are handed to the run's uid, read-only. Every other read-only path (the grader's own
    /// files, the interpreter) is left as it is.
    /// </summary>
    public ImmutableArray<string> BuiltForRun { get; init; } = [];

    /// <summary>Folders inside <see cref="ReadOnly"/> ones that stay hidden (the grader's rules beside a program it runs).</summary>
    public ImmutableArray<string> Masked { get; init; } = [];

    /// <summary>
    /// Whether the child shares the host's network: only the C# project loader, whose restore downloads packages (the
    /// student's MSBuild targets then reach the network, as in their own build). Such a view also gets a small private
    /// /tmp, where the .NET SDK keeps its named mutexes.
    /// </summary>
    public bool Network { get; init; }

    /// <summary>
    /// Further folders the child sees as fresh tmpfs of their own, each of its size (bytes): a resident server's
    /// output files, kept apart from the private root so that they do not count against it.
    /// </summary>
    public ImmutableDictionary<string, long> OtherPrivateFolders { get; init; } = ImmutableDictionary<string, long>.Empty;

    /// <summary>
    /// The command is the sandbox's init (bubblewrap's --as-pid-1): a resident server that forks the runs it serves and,
    /// as pid 1 of their namespace, outlives and reaps whatever each leaves behind. Signals from inside do not reach it.
    /// </summary>
    public bool AsInit { get; init; }

    /// <summary>
    /// The host folder a folder of <see cref="CopiedIn"/> is copied from, where that is not the folder itself: tasks run
    /// together each get a copy of one host folder written once, and under bubblewrap their own folders never exist on
    /// the host. Without namespaces the sandbox copies them on the host before the child starts.
    /// </summary>
    public ImmutableDictionary<string, string> CopiedFrom { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The host folder <paramref name="folder"/> (one of <see cref="CopiedIn"/>) is copied from.</summary>
    public string SourceOf(string folder) => CopiedFrom.TryGetValue(folder, out var source) ? source : folder;
}

/// <summary>Resource limits of a sandboxed child and of everything it starts (null: the system's own).</summary>
/// <param name="AddressSpaceBytes">Left null for runtimes that reserve far more address space than they use (.NET).</param>
public sealed record ChildLimits(
    int? CpuSeconds = null,
    int? Processes = null,
    int? OpenFiles = null,
    long? FileSizeBytes = null,
    long? AddressSpaceBytes = null);
