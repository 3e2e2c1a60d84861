using System.Globalization;
using System.Text;
using Grader.Core.Assignment;
using Grader.Core.IO;

namespace Grader.Core.Batch;

/// <summary>
/// grades.csv: one row per student. RFC 4180 (CRLF, quoted fields), UTF-8 with a byte order mark so spreadsheet
/// programs read accents right, invariant numbers, and cells that a spreadsheet would take for a formula
/// (starting with = + - @) prefixed with an apostrophe.
/// </summary>
public static class Gradebook
{
    public static string Render(IEnumerable<BatchRecord> records, AssignmentSpec assignment)
    {
        var text = new StringBuilder();
        var taskColumns = assignment.Tasks.Select(task => $"task_{task.Number}").ToList();
        Row(text, ["student", "status", "reason", "late", .. taskColumns, "score", "max_score", "grader_version", "seed", "notes"]);
        foreach (var record in records.OrderBy(record => record.StudentId, StringComparer.Ordinal))
        {
            var graded = record.Status == BatchStatus.Graded;
            Row(text,
            [
                record.StudentId,
                graded ? "graded" : "ungradable",
                record.Reason ?? string.Empty,
                record.Late ? "late" : string.Empty,
                .. assignment.Tasks.Select(task => graded ? Number(record.TaskScores.GetValueOrDefault(task.Number.ToString(CultureInfo.InvariantCulture))) : string.Empty),
                graded ? Number(record.Score) : string.Empty,
                graded ? Number(record.MaxScore) : string.Empty,
                record.GraderVersion,
                graded ? record.Seed.ToString(CultureInfo.InvariantCulture) : string.Empty,
                string.Join("; ", record.Notes),
            ]);
        }

        return text.ToString();
    }

    public static Task WriteAsync(string path, IEnumerable<BatchRecord> records, AssignmentSpec assignment, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(path, "\uFEFF" + Render(records, assignment), cancellationToken);

    private static void Row(StringBuilder text, IEnumerable<string> cells) =>
        text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
