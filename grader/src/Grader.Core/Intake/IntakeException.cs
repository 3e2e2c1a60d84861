using System.Globalization;

namespace Grader.Core.Intake;

/// <summary>
/// One entry of a batch cannot be taken in (a broken or hostile archive, a repository git cannot read, no commit
/// before the deadline). Its message is one line naming the entry; the batch records the student as ungradable
/// with it and goes on.
/// </summary>
public sealed class IntakeException : Exception
{
    private const int MaxReasonLength = 240;

    private IntakeException(string message)
        : base(message)
    {
    }

    /// <summary>The entry has work, all of it dated after the deadline: ungradable, and late.</summary>
    public bool Late { get; private init; }

    public static IntakeException NotAZipArchive(string name, string reason) =>
        new($"'{name}' is not a valid zip archive: {OneLine(reason)}");

    public static IntakeException ArchiveTooLarge(string name, string limit) =>
        new($"'{name}' is too large to extract: {limit}.");

    public static IntakeException CannotExtract(string name, string reason) =>
        new($"'{name}' cannot be extracted: {OneLine(reason)}");

    public static IntakeException GitFailed(string name, string reason) =>
        new($"'{name}' cannot be read with git: {OneLine(reason)}");

    public static IntakeException EmptyRepository(string name, string branch) =>
        new($"'{name}' has no commit on {branch}.");

    public static IntakeException NoCommitBeforeDeadline(string name, string branch, DateTimeOffset deadline) =>
        new($"'{name}' has no commit on {branch} at or before the deadline {Format(deadline)}: every commit is dated after it.") { Late = true };

    public static IntakeException RepositoryTooLarge(string name, string limit) =>
        new($"'{name}' is too large to grade: {limit}.");

    /// <summary>ISO 8601 with the offset, as instructors write deadlines.</summary>
    internal static string Format(DateTimeOffset moment) => moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    // Reasons come from .NET exceptions and git's stderr: several lines, sometimes long. The batch shows one line.
    internal static string OneLine(string reason)
    {
        var line = string.Join(' ', reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        line = line.Length > MaxReasonLength ? line[..MaxReasonLength] + "..." : line;
        return line.Length == 0 ? "no reason given" : line.TrimEnd('.') + ".";
    }
}
