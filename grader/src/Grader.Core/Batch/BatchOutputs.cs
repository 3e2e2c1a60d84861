using System.Collections.Immutable;
using Grader.Core.Assignment;
using Grader.Core.Reporting;
using Grader.Core.Reporting.Html;
using Grader.Core.Results;
using Grader.Core.IO;

namespace Grader.Core.Batch;

/// <summary>
/// Writes the class-level outputs (grades.csv, report.html) from what the results folder holds, so an
/// interrupted batch and a resumed one produce them from the same, complete, on-disk state.
/// </summary>
public static class BatchOutputs
{
    public const string GradebookFile = "grades.csv";
    public const string ReportFile = "report.html";

    /// <summary>
    /// The records on disk that carry this grader's seal. One that does not (changed after the grader wrote it) is
    /// listed as ungradable with the reason, never with the score it claims.
    /// </summary>
    public static ImmutableArray<BatchRecord> ReadRecords(BatchOptions options, IEnumerable<string> studentIds) =>
    [
        .. studentIds
            .Select(id => BatchGrader.Read(options, id))
            .OfType<(BatchRecord Record, string? ResultText)>()
            .Select(found => options.Seal.Verifies(found.Record, found.ResultText) ? found.Record : Forged(found.Record))
            .OrderBy(record => record.StudentId, StringComparer.Ordinal),
    ];

    public static async Task WriteAsync(
        BatchOptions options, AssignmentSpec assignment, ImmutableArray<BatchRecord> records, string graderVersion, ImmutableArray<SimilarPair> similar, string caveat, CancellationToken cancellationToken)
    {
        await Gradebook.WriteAsync(Path.Combine(options.OutputFolder, GradebookFile), records, assignment, cancellationToken).ConfigureAwait(false);
        var results = ImmutableSortedDictionary.CreateBuilder<string, GradingResult>(StringComparer.Ordinal);
        foreach (var record in records.Where(record => record.Status == BatchStatus.Graded))
        {
            var path = BatchGrader.ResultPath(options, record.StudentId);
            if (File.Exists(path) && JsonReporter.Deserialize(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)) is { } result)
            {
                results[record.StudentId] = result;
            }
        }

        var model = new ClassReportModel(assignment.Title, graderVersion, records, results.ToImmutable(), similar, caveat);
        await AtomicFile.WriteAllTextAsync(Path.Combine(options.OutputFolder, ReportFile), ClassReportRenderer.Render(model), cancellationToken).ConfigureAwait(false);
    }

    private static BatchRecord Forged(BatchRecord record) => record with
    {
        Status = BatchStatus.Ungradable,
        Reason = "its saved result was changed after the grader wrote it: grade it again (--resume does)",
        Score = 0,
        TaskScores = ImmutableSortedDictionary<string, double>.Empty,
        Seal = null,
    };
}
