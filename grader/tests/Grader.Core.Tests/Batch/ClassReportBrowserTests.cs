using System.Collections.Immutable;
using Grader.Core.Batch;
using Grader.Core.Processes;
using Grader.Python.Tools;
using Grader.Core.Reporting.Html;
using Grader.Core.Results;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Batch;

/// <summary>
/// Opens report.html in headless Chromium (Debian's chromium package): the page must render offline with its
/// histogram, tables and similar pairs, and the screenshot kept in docs/ must be a real picture of it.
/// </summary>
public sealed class ClassReportBrowserTests : IDisposable
{
    private const string InstallHint = "headless Chromium is needed: apt-get install -y chromium";

    // The flags this machine kind needs: no sandbox as root, and no background network traffic.
    private static readonly ImmutableArray<string> Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    ];

    private readonly string work = Directory.CreateTempSubdirectory("grader-report-test-").FullName;

    [Fact]
    public async Task The_report_renders_in_chromium_with_its_sections_and_sorting_script()
    {
        var page = Path.Combine(work, "report.html");
        await File.WriteAllTextAsync(page, ClassReportRenderer.Render(Model()));

        var dom = await Chromium(["--dump-dom", new Uri(page).AbsoluteUri]);

        Assert.Contains("<rect class=\"bar\"", dom, StringComparison.Ordinal);
        Assert.Contains("id=\"pass-rates\"", dom, StringComparison.Ordinal);
        Assert.Contains("id=\"common-failures\"", dom, StringComparison.Ordinal);
        Assert.Contains("<table class=\"sortable\">", dom, StringComparison.Ordinal);
        Assert.Contains("alice &amp; &lt;bob&gt;", dom, StringComparison.Ordinal);
        Assert.Contains("class=\"side-by-side\"", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", dom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_screenshot_in_the_docs_is_a_picture_of_the_report()
    {
        var page = Path.Combine(work, "report.html");
        await File.WriteAllTextAsync(page, ClassReportRenderer.Render(Model()));
        var shot = Path.Combine(work, "shot.png");

        await Chromium(["--window-size=1280,1600", $"--screenshot={shot}", new Uri(page).AbsoluteUri]);

        Assert.True(IsPng(shot) && new FileInfo(shot).Length > 20_000, "Chromium did not produce a screenshot of the report");
        var documented = Path.Combine(RepositoryPaths.Root, "docs", "report-screenshot.png");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.Copy(shot, documented, overwrite: true);
        }

        Assert.True(IsPng(documented) && new FileInfo(documented).Length > 20_000, $"{documented} is missing: run the tests with UPDATE_SNAPSHOTS=1");
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    private async Task<string> Chromium(IEnumerable<string> arguments)
    {
        var browser = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        Assert.True(browser is not null, InstallHint);
        var request = new ProcessRequest(
            browser!,
            [.. Flags, $"--user-data-dir={Path.Combine(work, "profile")}", .. arguments],
            work,
            PythonChildEnvironment.For(work, null),
            null,
            TimeSpan.FromSeconds(60));
        var outcome = await new ProcessRunner().RunAsync(request, CancellationToken.None);
        Assert.True(outcome.ExitCode == 0, $"chromium failed ({outcome.ExitCode}): {outcome.StandardError.Text}");
        return outcome.StandardOutput.Text;
    }

    private static bool IsPng(string path) =>
        File.Exists(path) && File.ReadAllBytes(path).AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });

    private static ClassReportModel Model()
    {
        var mixed = SampleResults.Mixed();
        var records = ImmutableArray.Create(
            Record("alice & <bob>", 7, 7, BatchStatus.Graded, null),
            Record("carol", 4, 7, BatchStatus.Graded, null),
            Record("dave", 1, 7, BatchStatus.Graded, null),
            Record("<b>bold</b>", 0, 0, BatchStatus.Ungradable, "'x.zip' is not a valid zip archive"));
        var results = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, GradingResult>
        {
            ["alice & <bob>"] = mixed,
            ["carol"] = mixed,
            ["dave"] = mixed,
        });
        SimilarPair pair = new("alice & <bob>", "carol", 0.93, [new SharedRegion("alice/1-concurrent_coroutines.py:9-12", "async def wait_n(n: int, max_delay: int):\n    ...", "carol/1-concurrent_coroutines.py:9-12", "async def wait_n(n: int, max_delay: int):\n    ...")]);
        return new ClassReportModel("0x01. Python - Async", "test", records, results, [pair], "A prompt for a human look, not a verdict.");
    }

    private static BatchRecord Record(string id, double score, double max, BatchStatus status, string? reason) => new(
        id, "hash", status, reason, false, [], score, max,
        ImmutableSortedDictionary<string, double>.Empty.Add("0", score), "test", 1);
}
