using System.Collections.Immutable;
using System.Text.Json;
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

    public static ImmutableArray<BatchRecord> ReadRecords(BatchOptions options, IEnumerable<string> studentIds) =>
    [
        .. studentIds
            .Select(id => BatchGrader.RecordPath(options, id))
            .Where(File.Exists)
            .Select(path => TryRead(path))
            .OfType<BatchRecord>()
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

    private static BatchRecord? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), BatchJsonContext.Default.BatchRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
