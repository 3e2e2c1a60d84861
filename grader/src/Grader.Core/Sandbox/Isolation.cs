namespace Grader.Core.Sandbox;

/// <summary>How far student code is kept from everything but its own copy.</summary>
public enum IsolationLevel
{
    /// <summary>bubblewrap: new user, pid, network, mount, ipc and uts namespaces; the working copy on a capped tmpfs.</summary>
    Namespaces,

    /// <summary>
    /// As root without namespaces: a uid of its own per run that owns only its copies, every process of it killed at
    /// the end; the machine's world-readable files and the network stay reachable.
    /// </summary>
    UnprivilegedUser,

    /// <summary>Only resource limits and a process group: student code runs as the grader's user and sees what it sees.</summary>
    LimitsOnly,
}

/// <summary>The isolation this process gives student code, and, when it is less than namespaces, why.</summary>
/// <param name="Description">A few words for the report's settings and for <c>grader doctor</c>.</param>
/// <param name="Reason">Why there is no sandbox, with what to do about it; null when there is one.</param>
/// <param name="Chosen">True when the user asked for less (--no-sandbox), false when the machine offers no more.</param>
public sealed record Isolation(IsolationLevel Level, string Description, string? Reason = null, bool Chosen = false)
{
    /// <summary>Whether student code is kept from other runs' files and processes (namespaces, or a uid of its own).</summary>
    public bool Isolated => Level != IsolationLevel.LimitsOnly;

    public static Isolation Declined { get; } = new(IsolationLevel.LimitsOnly, "none (--no-sandbox): rlimits only", "--no-sandbox was given", Chosen: true);

    /// <summary>No sandbox because the machine offers none: <paramref name="reason"/> says why and what to do.</summary>
    public static Isolation Unavailable(string shortReason, string reason) =>
        new(IsolationLevel.LimitsOnly, $"none (rlimits only): {shortReason}", reason);
}
