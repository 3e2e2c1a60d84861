using System.Collections.Immutable;
using Grader.Core.Intake;

namespace Grader.Cli.Commands;

/// <summary>
/// Which folder 'check' and 'ci' grade. Students keep every project of the course in one repository and run the
/// grader at its root, so the folder given is searched the way a batch searches a submission: the folder itself
/// when it holds a task file, else a folder named like the project, else the one folder that holds task files.
/// </summary>
/// <param name="Folder">The folder to grade.</param>
/// <param name="RelativePath">Its '/'-separated path under the folder given; empty when it is that folder.</param>
/// <param name="Lines">What to tell the user: which folder was graded, and any ambiguity.</param>
internal sealed record ProjectFolderChoice(string Folder, string RelativePath, ImmutableArray<string> Lines)
{
    public static ProjectFolderChoice For(GraderApp app, string given, string? assignmentDirectory)
    {
        if (!Directory.Exists(given))
        {
            // Loading the submission says what is wrong with the path, in the one place that does.
            return new(given, string.Empty, []);
        }

        var assignment = app.LoadAssignment(assignmentDirectory);
        ImmutableArray<string> taskFiles = [.. assignment.Tasks.Select(task => task.File), .. app.OtherTracksTaskFiles()];
        ProjectFolder found;
        try
        {
            found = ProjectFolderLocator.Locate(given, taskFiles, assignment.Id);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A subfolder that cannot be read: grade the folder given, whose loading reports what it cannot read.
            return new(given, string.Empty, []);
        }

        if (found.RelativePath is not { Length: > 0 } relative)
        {
            // The folder itself, or nothing that looks like the project: grading it says which files are missing.
            return new(given, string.Empty, []);
        }

        ImmutableArray<string> lines =
        [
            $"grader: grading {Path.Combine(given, relative)}, the project folder inside {given}",
            .. found.Notes.Select(note => $"grader: {note}; give the folder's path to grade another one"),
        ];
        return new(found.Under(given)!, relative, lines);
    }
}
