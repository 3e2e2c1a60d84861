using System.Collections.Immutable;
using Grader.Core.Assignment;
using Grader.Core.Intake;
using Grader.Core.Processes;
using Grader.Core.Reporting.Html;
using Grader.Core.Similarity;

namespace Grader.Core.Batch;

/// <summary>
/// A whole batch: list the entries of a folder or zip, take each in (extract, snapshot, find the project folder),
/// grade them a few at a time, then write grades.csv and report.html from the results folder.
/// </summary>
/// <param name="similarity">The languages whose submissions are compared with one another, each with its template.</param>
public sealed class BatchRun(IProcessRunner runner, AssignmentSpec assignment, BatchGrader grader, IReadOnlyList<SimilarityTrack> similarity, string graderVersion)
{
    /// <summary>Task files of the other tracks the batch grades (C#), which mark a project folder too.</summary>
    public ImmutableArray<string> OtherTracksTaskFiles { get; init; } = [];

    public async Task<ImmutableArray<BatchRecord>> RunAsync(
        string source, BatchOptions options, DateTimeOffset? deadline, IBatchProgress progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.OutputFolder);
        var work = Directory.CreateTempSubdirectory("grader-batch-").FullName;
        try
        {
            var scan = BatchEntryScanner.Scan(source, Path.Combine(work, "source"));
            var intakeOptions = IntakeOptions.For(assignment, Path.Combine(work, "entries"));
            var intake = new SubmissionIntake(runner, intakeOptions with { Deadline = deadline, TaskFiles = [.. intakeOptions.TaskFiles, .. OtherTracksTaskFiles] });
            var items = await TakeInAsync(scan.Entries, intake, options.Jobs, cancellationToken).ConfigureAwait(false);
            var ids = items.Select(item => item.StudentId).ToList();
            var similar = ImmutableArray<SimilarPair>.Empty;
            var records = ImmutableArray<BatchRecord>.Empty;
            try
            {
                await grader.RunAsync(items, options, progress, cancellationToken).ConfigureAwait(false);
                var (pairs, problem) = await new BatchSimilarity(similarity)
                    .RunAsync(items, options.OutputFolder, cancellationToken).ConfigureAwait(false);
                similar = pairs;
                if (problem is not null)
                {
                    progress.Note($"similarity was not computed: {problem}");
                }
            }
            finally
            {
                // Interrupted or not, the class outputs reflect every result already on disk.
                records = BatchOutputs.ReadRecords(options, ids);
                await BatchOutputs.WriteAsync(options, assignment, records, graderVersion, similar, SimilarityReport.StandardCaveat, CancellationToken.None).ConfigureAwait(false);
            }

            return records;
        }
        finally
        {
            TryDelete(work);
        }
    }

    private static async Task<IReadOnlyList<BatchItem>> TakeInAsync(
        ImmutableArray<BatchEntry> entries, SubmissionIntake intake, int jobs, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, jobs));
        var results = await Task.WhenAll(entries.Select(async entry =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await intake.PrepareAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return [.. results.Select(result => new BatchItem(result.StudentId, result.ProjectFolder, result.Ungradable, result.Late, result.Notes))];
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
