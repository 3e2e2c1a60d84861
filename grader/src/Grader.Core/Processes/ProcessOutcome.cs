using System.Text;

namespace Grader.Core.Processes;

/// <summary>How a child process ended.</summary>
/// <param name="ExitCode">Null when the process was killed or could not start.</param>
/// <param name="StartError">Why the process could not start, if it did not.</param>
public sealed record ProcessOutcome(
    int? ExitCode,
    bool TimedOut,
    CapturedOutput StandardOutput,
    CapturedOutput StandardError,
    TimeSpan Elapsed,
    string? StartError = null)
{
    public bool Succeeded => StartError is null && !TimedOut && ExitCode == 0;

    public static ProcessOutcome NotStarted(string reason) =>
        new(null, false, CapturedOutput.Empty, CapturedOutput.Empty, TimeSpan.Zero, reason);
}

/// <summary>A capped copy of one output stream: its beginning and its end, and how much was dropped between.</summary>
public sealed record CapturedOutput(string Head, string Tail, long TotalBytes, long DroppedBytes)
{
    public static readonly CapturedOutput Empty = new(string.Empty, string.Empty, 0, 0);

    public bool Truncated => DroppedBytes > 0;

    /// <summary>A capture from its kept bytes: <paramref name="head"/> and <paramref name="tail"/> of <paramref name="totalBytes"/> in all.</summary>
    public static CapturedOutput FromBytes(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, long totalBytes) =>
        new(Encoding.UTF8.GetString(head), Encoding.UTF8.GetString(tail), totalBytes, totalBytes - head.Length - tail.Length);

    /// <summary>The whole text when nothing was dropped; otherwise head, a marker saying how much was cut, and tail.</summary>
    public string Text => Truncated
        ? $"{Head}\n[... {DroppedBytes} bytes cut ...]\n{Tail}"
        : Head + Tail;
}
