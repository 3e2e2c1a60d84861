using System.Collections.Immutable;
using Grader.Core.Engine;
using Grader.Core.Processes;
using Grader.Core.Sandbox;
using Grader.Core.Submissions;

namespace Grader.Core.Intake;

/// <summary>
/// Takes one batch entry in: finds the project folder and snapshots it into the batch's work folder (a folder is
/// copied, a zip extracted, a git repository checked out at the deadline), so that a batch grades what it was given. Whatever is wrong with the entry (a broken or hostile archive, an unreadable repository, no task file)
/// becomes the result's <see cref="IntakeResult.Ungradable"/> reason; it never throws for the entry's sake.
/// </summary>
public sealed class SubmissionIntake(IProcessRunner runner, IntakeOptions options)
{
    private const int SkippedEntriesNamed = 10;

    public async Task<IntakeResult> PrepareAsync(BatchEntry entry, CancellationToken cancellationToken)
    {
        var notes = entry.Notes.ToBuilder();
        try
        {
            return entry.Kind switch
            {
                EntryKind.Zip => FromZip(entry, notes),
                EntryKind.GitRepository => await FromRepositoryAsync(entry, notes, cancellationToken).ConfigureAwait(false),
                _ => FromFolder(entry, notes),
            };
        }
        catch (GraderSetupException exception)
        {
            return Ungradable(entry, exception.Message, notes);
        }
        catch (IntakeException exception)
        {
            return Ungradable(entry, exception.Message, notes) with { Late = exception.Late };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Ungradable(entry, $"'{entry.Name}' cannot be read: {IntakeException.OneLine(exception.Message)}", notes);
        }
    }

    // A folder is copied at intake into the batch's work folder, which only the grader's user can enter: what is graded
    // later is what was there when the batch began, whatever happens to the original (or is done to it) meanwhile.
    private IntakeResult FromFolder(BatchEntry entry, ImmutableArray<string>.Builder notes)
    {
        var project = ProjectFolderLocator.Locate(entry.SourcePath, options.TaskFiles, options.ProjectFolderName);
        if (!project.Found)
        {
            return Located(entry, entry.SourcePath, project, null, notes);
        }

        var snapshot = SubmissionLoader.Load(project.Under(entry.SourcePath)!);
        return Located(entry, WorkingCopy.Create(snapshot, FreshFolder(entry)), project with { RelativePath = string.Empty }, null, notes);
    }

    private IntakeResult FromZip(BatchEntry entry, ImmutableArray<string>.Builder notes)
    {
        var extraction = SafeZipExtractor.Extract(entry.SourcePath, FreshFolder(entry), options.Limits);
        if (!extraction.Skipped.IsEmpty)
        {
            var named = extraction.Skipped.Take(SkippedEntriesNamed).Select(skipped => $"'{skipped.Name}' ({skipped.Reason})");
            var more = extraction.Skipped.Length > SkippedEntriesNamed ? $" and {extraction.Skipped.Length - SkippedEntriesNamed} more" : string.Empty;
            notes.Add($"skipped {extraction.Skipped.Length} entries of '{entry.Name}': {string.Join(", ", named)}{more}");
        }

        return Located(entry, extraction.Root, ProjectFolderLocator.Locate(extraction.Root, options.TaskFiles, options.ProjectFolderName), null, notes);
    }

    private async Task<IntakeResult> FromRepositoryAsync(BatchEntry entry, ImmutableArray<string>.Builder notes, CancellationToken cancellationToken)
    {
        var git = new GitSnapshot(runner, Path.Combine(options.WorkFolder, ".git-scratch"), options.GitTimeout);
        var selection = await git.SelectAsync(entry.SourcePath, options.Deadline, cancellationToken).ConfigureAwait(false);
        notes.Add($"graded commit {selection.ShortCommit} on '{selection.Branch}', committed {IntakeException.Format(selection.CommitDate)}");
        if (selection.Late && options.Deadline is { } deadline)
        {
            notes.Add($"late: {selection.CommitsAfterDeadline} commit(s) on '{selection.Branch}' are dated after the deadline {IntakeException.Format(deadline)}, "
                + $"the newest {IntakeException.Format(selection.LatestCommitDate)} (commit dates are set by the student's machine)");
        }

        var files = await git.ListFilesAsync(entry.SourcePath, selection.Commit, cancellationToken).ConfigureAwait(false);
        var project = ProjectFolderLocator.Locate(files.Select(file => file.Path), options.TaskFiles, options.ProjectFolderName);
        if (!project.Found)
        {
            return Located(entry, entry.SourcePath, project, selection, notes);
        }

        if (project.RelativePath!.Length > 0)
        {
            notes.Add($"the project folder is '{project.RelativePath}/' of the repository");
        }

        var extraction = await git.MaterialiseAsync(entry.SourcePath, selection, project.RelativePath, FreshFolder(entry), options.Limits, cancellationToken).ConfigureAwait(false);
        return Located(entry, extraction.Root, project with { RelativePath = string.Empty }, selection, notes);
    }

    private static IntakeResult Located(BatchEntry entry, string root, ProjectFolder project, GitSelection? selection, ImmutableArray<string>.Builder notes)
    {
        notes.AddRange(project.Notes);
        return new IntakeResult(entry.StudentId, project.Under(root), project.Problem, selection?.Late ?? false, selection?.Commit, notes.ToImmutable());
    }

    private static IntakeResult Ungradable(BatchEntry entry, string reason, ImmutableArray<string>.Builder notes) =>
        new(entry.StudentId, null, reason, false, null, notes.ToImmutable());

    // <WorkFolder>/<student id>, emptied: a rerun with the same work folder starts clean.
    private string FreshFolder(BatchEntry entry)
    {
        var root = Path.GetFullPath(options.WorkFolder);
        var folder = ZipEntryPath.Under(root, entry.StudentId)
            ?? throw new InvalidOperationException($"The student id '{entry.StudentId}' is not a plain file name.");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return folder;
    }
}
