using System.Globalization;
using System.Text;
using Grader.Core.Similarity;

namespace Grader.Core.Tests.Similarity;

public sealed class SimilarityCsvTests
{
    private static readonly SimilarityReport Report = new(
        [
            new SimilarityPair("alice", "bob, \"the\" builder", 1.0, 0.84375, 27,
            [
                new MatchRegion("0-basic_async_syntax.py", 7, 12, "0-basic_async_syntax.py", 7, 14),
                new MatchRegion("1-concurrent_coroutines.py", 6, 11, "4-tasks.py", 9, 18),
            ]),
            new SimilarityPair("=cmd", "zoe", 2.0 / 3, 0.5, 6, []),
        ],
        SimilaritySettings.Default,
        SimilarityReport.StandardCaveat);

    private const string Expected =
        "first,second,score,jaccard,shared_fingerprints,regions\r\n" +
        "alice,\"bob, \"\"the\"\" builder\",1.000,0.844,27,0-basic_async_syntax.py:7-12~0-basic_async_syntax.py:7-14;1-concurrent_coroutines.py:6-11~4-tasks.py:9-18\r\n" +
        "'=cmd,zoe,0.667,0.500,6,\r\n";

    [Fact]
    public void Renders_rfc_4180_rows_in_report_order()
    {
        Assert.Equal(Expected, SimilarityCsv.Render(Report));
    }

    [Fact]
    public void Does_not_depend_on_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        // The build runs in invariant-globalization mode, so a decimal-comma culture is made by hand.
        var decimalComma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        decimalComma.NumberFormat.NumberDecimalSeparator = ",";
        Thread.CurrentThread.CurrentCulture = decimalComma;
        try
        {
            Assert.Equal(Expected, SimilarityCsv.Render(Report));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Writes_the_file_with_a_byte_order_mark_and_leaves_no_temporary_file()
    {
        var folder = Directory.CreateTempSubdirectory("grader-similarity-csv-");
        try
        {
            var path = Path.Combine(folder.FullName, SimilarityCsv.FileName);
            await File.WriteAllTextAsync(path, "old content");

            await SimilarityCsv.WriteAsync(path, Report, CancellationToken.None);

            Assert.Equal([0xEF, 0xBB, 0xBF], (await File.ReadAllBytesAsync(path))[..3]);
            Assert.Equal(Expected, await File.ReadAllTextAsync(path, Encoding.UTF8));
            Assert.Equal([SimilarityCsv.FileName], folder.GetFiles().Select(file => file.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
