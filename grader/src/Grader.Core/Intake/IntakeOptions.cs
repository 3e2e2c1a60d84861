using System.Collections.Immutable;
using Grader.Core.Assignment;

namespace Grader.Core.Intake;

/// <summary>How entries are taken in.</summary>
/// <param name="TaskFiles">The assignment's task file names, which mark the project folder.</param>
/// <param name="ProjectFolderName">The folder name students are told to use (<c>0x01-python_async_function</c>).</param>
/// <param name="WorkFolder">Owned by the intake: extracted archives and repository snapshots go to &lt;WorkFolder&gt;/&lt;student id&gt;.</param>
public sealed record IntakeOptions(ImmutableArray<string> TaskFiles, string ProjectFolderName, string WorkFolder)
{
    /// <summary>For git repositories: grade the last commit at or before this moment, and flag later commits.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Limits for one student's archive, and for the files taken from one repository.</summary>
    public ZipLimits Limits { get; init; } = ZipLimits.Submission;

    /// <summary>For each git command.</summary>
    public TimeSpan GitTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The assignment's id names the project folder (assignment.json: "0x01-python_async_function").</summary>
    public static IntakeOptions For(AssignmentSpec assignment, string workFolder) =>
        new([.. assignment.Tasks.Select(task => task.File)], assignment.Id, workFolder);
}
