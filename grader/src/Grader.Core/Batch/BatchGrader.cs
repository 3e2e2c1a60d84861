using System.Collections.Immutable;
using System.Text.Json;
using Grader.Core.Engine;
using Grader.Core.Reporting;
using Grader.Core.Results;
using Grader.Core.Submissions;
using Grader.Core.IO;

namespace Grader.Core.Batch;

/// <summary>
/// Grades many submissions, a few at a time. Each student's result is written (atomically) as soon as it is
/// known, so a killed or interrupted batch loses nothing already graded and --resume picks up where it stopped.
/// One broken or hostile submission becomes an 'ungradable' row; it never stops the batch.
/// </summary>
/// <param name="grade">Grades one submission with the track it belongs to.</param>
public sealed class BatchGrader(Func<Submission, GradingOptions, CancellationToken, Task<GradingResult>> grade, string graderVersion)
{
    /// <summary>Grades every item; the records land in the results folder (BatchOutputs reads them back).</summary>
    public async Task RunAsync(
        IReadOnlyList<BatchItem> items, BatchOptions options, IBatchProgress progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.ResultsFolder);
        progress.Started(items.Count);
        using var gate = new SemaphoreSlim(Math.Max(1, options.Jobs));
        await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var (record, resumed) = await GradeOneAsync(item, options, progress, cancellationToken).ConfigureAwait(false);
                progress.Finished(record, resumed);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }

    private async Task<(BatchRecord Record, bool Resumed)> GradeOneAsync(BatchItem item, BatchOptions options, IBatchProgress progress, CancellationToken cancellationToken)
    {
        if (item.ProjectFolder is null)
        {
            return (await SaveAsync(Ungradable(item, "-", item.Ungradable ?? "no project folder"), null, options, cancellationToken).ConfigureAwait(false), false);
        }

        Submission submission;
        try
        {
            submission = SubmissionLoader.Load(item.ProjectFolder);
        }
        catch (GraderSetupException exception)
        {
            return (await SaveAsync(Ungradable(item, "-", exception.Message), null, options, cancellationToken).ConfigureAwait(false), false);
        }

        var hash = ContentHash.Of(submission, options.Grading, graderVersion);
        if (options.Resume && Previous(item.StudentId, hash, options, progress) is { } previous)
        {
            return (previous, true);
        }

        try
        {
            var named = submission with { Name = item.StudentId };
            var result = await grade(named, options.Grading, cancellationToken).ConfigureAwait(false);
            var record = new BatchRecord(
                item.StudentId, hash, BatchStatus.Graded, null, item.Late, item.Notes, result.Score, result.MaxScore,
                result.Tasks.ToImmutableSortedDictionary(task => task.Task.ToString(System.Globalization.CultureInfo.InvariantCulture), task => task.Score, StringComparer.Ordinal),
                graderVersion, options.Grading.Seed);
            return (await SaveAsync(record, JsonReporter.Serialize(result), options, cancellationToken).ConfigureAwait(false), false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (await SaveAsync(Ungradable(item, hash, $"the grader failed on this submission ({exception.GetType().Name}: {exception.Message})"), null, options, cancellationToken).ConfigureAwait(false), false);
        }
    }

    private BatchRecord Ungradable(BatchItem item, string hash, string reason) =>
        new(item.StudentId, hash, BatchStatus.Ungradable, reason, item.Late, item.Notes, 0, 0, ImmutableSortedDictionary<string, double>.Empty, graderVersion, 0);

    // The result first, then the record that points at it: a kill between the two leaves no record, so a
    // resumed batch grades the student again instead of trusting half of the output.
    private static async Task<BatchRecord> SaveAsync(BatchRecord record, string? resultJson, BatchOptions options, CancellationToken cancellationToken)
    {
        var resultText = resultJson is null ? null : resultJson + "\n";
        if (resultText is not null)
        {
            await AtomicFile.WriteAllTextAsync(ResultPath(options, record.StudentId), resultText, cancellationToken).ConfigureAwait(false);
        }

        var sealedRecord = record with { Seal = options.Seal.Sign(record, resultText) };
        var json = JsonSerializer.Serialize(sealedRecord, BatchJsonContext.Default.BatchRecord);
        await AtomicFile.WriteAllTextAsync(RecordPath(options, record.StudentId), json + "\n", cancellationToken).ConfigureAwait(false);
        return sealedRecord;
    }

    private static BatchRecord? Previous(string studentId, string hash, BatchOptions options, IBatchProgress progress)
    {
        if (Read(options, studentId) is not { } found || found.Record.ContentHash != hash || found.Record.Status != BatchStatus.Graded || found.ResultText is null)
        {
            return null;
        }

        if (!options.Seal.Verifies(found.Record, found.ResultText))
        {
            progress.Note($"{studentId}: the saved result does not carry this grader's seal (changed since it was written, or written with another key), so it was graded again");
            return null;
        }

        return found.Record;
    }

    /// <summary>A student's record and the text of its result file as they are on disk, or null when there is no readable record.</summary>
    public static (BatchRecord Record, string? ResultText)? Read(BatchOptions options, string studentId)
    {
        var path = RecordPath(options, studentId);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize(File.ReadAllText(path), BatchJsonContext.Default.BatchRecord);
            var result = ResultPath(options, studentId);
            return record is null ? null : (record, File.Exists(result) ? File.ReadAllText(result) : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string ResultPath(BatchOptions options, string studentId) => Path.Combine(options.ResultsFolder, studentId + ".json");

    public static string RecordPath(BatchOptions options, string studentId) => Path.Combine(options.ResultsFolder, studentId + ".meta.json");
}
