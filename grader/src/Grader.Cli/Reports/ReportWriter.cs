using System.Text;
using Grader.Core.Engine;
using Grader.Core.IO;
using Grader.Core.Reporting;
using Grader.Core.Reporting.Formats;
using Grader.Core.Results;

namespace Grader.Cli.Reports;

/// <summary>
/// Writes the requested reports: files atomically (parent folders created), "-" to stdout; the GitHub format also
/// appends its job summary to $GITHUB_STEP_SUMMARY when the runner sets it.
/// </summary>
internal sealed class ReportWriter(ReporterCatalog catalog, CliConsole console, IReadOnlyDictionary<string, string?> environment)
{
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    public async Task WriteAsync(GradingResult result, IEnumerable<ReportRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            var reporter = catalog.Find(request.Format)!;
            await WriteToAsync(request, (writer, token) => reporter.WriteAsync(result, writer, token), cancellationToken);
            if (reporter is GitHubReporter github && environment.GetValueOrDefault(StepSummaryVariable) is { Length: > 0 } summaryPath)
            {
                await AppendStepSummaryAsync(github, result, summaryPath, cancellationToken);
            }
        }
    }

    /// <summary>For the formats whose platform needs a document even when grading could not start.</summary>
    public async Task WriteUngradableAsync(string reason, IEnumerable<ReportRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            if (catalog.Find(request.Format) is IUngradableReporter reporter)
            {
                await WriteToAsync(request, (writer, token) => reporter.WriteUngradableAsync(reason, writer, token), cancellationToken);
            }
        }
    }

    private async Task WriteToAsync(ReportRequest request, Func<TextWriter, CancellationToken, Task> render, CancellationToken cancellationToken)
    {
        if (request.ToStandardOutput)
        {
            await render(console.Out, cancellationToken);
            return;
        }

        using var text = new StringWriter();
        await render(text, cancellationToken);
        await Guard(request.Path, async () =>
        {
            CreateParent(request.Path);
            await AtomicFile.WriteAllTextAsync(request.Path, text.ToString(), cancellationToken);
        });
    }

    private static async Task AppendStepSummaryAsync(GitHubReporter github, GradingResult result, string path, CancellationToken cancellationToken) =>
        await Guard(path, async () =>
        {
            // The limit is per step, and an earlier command of the same step may already have written to the file.
            var used = File.Exists(path) ? new FileInfo(path).Length : 0;
            var summary = github.StepSummary(result, (int)Math.Max(0, StepSummaryText.GitHubLimitBytes - used));
            CreateParent(path);
            await File.AppendAllTextAsync(path, summary, new UTF8Encoding(false), cancellationToken);
        });

    private static void CreateParent(string path)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(parent))
        {
            Directory.CreateDirectory(parent);
        }
    }

    private static async Task Guard(string path, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw GraderSetupException.InvalidOption("--report", $"cannot write '{path}': {exception.Message}");
        }
    }
}
