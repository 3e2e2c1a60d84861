using System.Globalization;
using System.Text;
using Grader.Core.IO;

namespace Grader.Core.Similarity;

/// <summary>
/// similarity.csv: one row per listed pair, in the report's order. RFC 4180 (CRLF, quoted fields), UTF-8 with a
/// byte order mark, invariant numbers, cells a spreadsheet would take for a formula prefixed with an apostrophe
/// (as grades.csv). Regions read "file:start-end~file:start-end", separated by ";".
/// </summary>
public static class SimilarityCsv
{
    public const string FileName = "similarity.csv";

    public static string Render(SimilarityReport report)
    {
        var text = new StringBuilder();
        Row(text, ["first", "second", "score", "jaccard", "shared_fingerprints", "regions"]);
        foreach (var pair in report.Pairs)
        {
            Row(text,
            [
                pair.First,
                pair.Second,
                pair.Score.ToString("0.000", CultureInfo.InvariantCulture),
                pair.Jaccard.ToString("0.000", CultureInfo.InvariantCulture),
                pair.SharedFingerprints.ToString(CultureInfo.InvariantCulture),
                string.Join(';', pair.Regions.Select(Region)),
            ]);
        }

        return text.ToString();
    }

    /// <summary>Writes similarity.csv atomically: a reader never sees half of it.</summary>
    public static Task WriteAsync(string path, SimilarityReport report, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(path, "\uFEFF" + Render(report), cancellationToken);

    private static string Region(MatchRegion region) => string.Create(
        CultureInfo.InvariantCulture,
        $"{region.FirstFile}:{region.FirstStart}-{region.FirstEnd}~{region.SecondFile}:{region.SecondStart}-{region.SecondEnd}");

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
}
