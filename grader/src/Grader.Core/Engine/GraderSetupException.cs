namespace Grader.Core.Engine;

/// <summary>
/// A usage, configuration or environment problem that stops grading before it starts. Its message is one
/// line that says what is wrong and what to do; the CLI prints it and exits with code 2.
/// </summary>
public sealed class GraderSetupException : Exception
{
    private GraderSetupException(string message)
        : base(message)
    {
    }

    public static GraderSetupException SubmissionNotFound(string path) =>
        new($"'{path}' does not exist: give the path of the folder that holds your task files.");

    public static GraderSetupException SubmissionNotAFolder(string path) =>
        new($"'{path}' is a file, not a folder: give the folder that holds your task files.");

    public static GraderSetupException SubmissionUnreadable(string path, string reason) =>
        new($"'{path}' cannot be read ({reason}): check its permissions.");

    public static GraderSetupException SubmissionTooLarge(string path, string limit) =>
        new($"'{path}' is too large to grade ({limit}): remove build output, virtual environments and data files.");

    public static GraderSetupException AssignmentMissing(string path) =>
        new($"the assignment rules '{path}' are missing: reinstall the grader or pass --assignment <folder>.");

    public static GraderSetupException AssignmentInvalid(string path, string reason) =>
        new($"the assignment rules '{path}' are invalid: {reason}.");

    public static GraderSetupException InvalidOption(string option, string reason) =>
        new($"{option}: {reason}");

    public static GraderSetupException AmbiguousTrack(string path, IEnumerable<string> candidates) =>
        new($"'{path}' holds files of several tracks ({string.Join(", ", candidates)}): pass --track to say which one to grade.");

    /// <summary>A tool the user named cannot be used; the message says which and what to give instead.</summary>
    public static GraderSetupException ToolUnusable(string message) => new(message);

    public static GraderSetupException NoIsolation(string command, string why) =>
        new($"'grader {command}' will not run student code without a sandbox, and there is none because {why}. Pass --no-sandbox to run it anyway with rlimits only (the reports then say so).");
}
