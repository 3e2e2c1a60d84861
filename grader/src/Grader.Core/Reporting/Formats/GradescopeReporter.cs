using Grader.Core.Results;

namespace Grader.Core.Reporting.Formats;

/// <summary>
/// Gradescope's results.json: a test per check numbered task.check, whose scores add up to the top-level score.
/// Hidden checks stay in (so the scores add up) with visibility after_published, which Gradescope hides from
/// the student until the instructor publishes the grades; --reveal-hidden makes them visible.
/// </summary>
public sealed class GradescopeReporter(ReportOptions options) : IUngradableReporter
{
    public string Format => "gradescope";

    public string Description => "Gradescope's results.json: a test per check, scores that add up, hidden checks shown after publication";

    public ReportAudience Audience => ReportAudience.Student;

    public Task WriteAsync(GradingResult result, TextWriter destination, CancellationToken cancellationToken) =>
        WriteJsonAsync(Render(result), destination, cancellationToken);

    public Task WriteUngradableAsync(string reason, TextWriter destination, CancellationToken cancellationToken) =>
        WriteJsonAsync(new GradescopeResults(0, null, $"The grader could not grade this submission: {reason}", "text", "visible", "hidden", []), destination, cancellationToken);

    private GradescopeResults Render(GradingResult result)
    {
        var tests = result.Project.Select((check, index) => Test(check, $"project.{ReportText.Number(index + 1)}"))
            .Concat(result.Tasks.SelectMany(task => task.Checks.Select((check, index) => Test(check, $"{ReportText.Number(task.Task)}.{ReportText.Number(index + 1)}"))))
            .ToList();
        var summary = $"Score {ReportText.Points(result.Score)}/{ReportText.Points(result.MaxScore)} ({ReportText.Percent(result.Score, result.MaxScore)}), "
            + $"grader {result.GraderVersion}, {string.Join(", ", result.Settings.Select(setting => $"{setting.Key} {setting.Value}"))}.";
        var elapsed = options.ElapsedSeconds is { } seconds ? (int)Math.Ceiling(seconds) : (int?)null;
        return new GradescopeResults(result.Score, elapsed, summary, "text", "visible", "hidden", [.. tests]);
    }

    private GradescopeTest Test(CheckResult check, string number)
    {
        var output = ReportText.MessageWithFindings(check);
        return new GradescopeTest(
            check.Points,
            check.MaxPoints,
            check.Status == CheckStatus.Passed || (check.Status == CheckStatus.Skipped && check.MaxPoints == 0) ? "passed" : "failed",
            $"{check.Id} {check.Title}" + (check.File is null ? string.Empty : $" ({check.File})"),
            number,
            check.Status == CheckStatus.Skipped ? $"skipped: {output}" : output,
            check.Hidden && !options.RevealHidden ? "after_published" : "visible",
            [check.Category.ToString().ToLowerInvariant(), ReportText.StatusWord(check.Status)]);
    }

    private static Task WriteJsonAsync(GradescopeResults results, TextWriter destination, CancellationToken cancellationToken) =>
        JsonDocumentWriter.WriteAsync(results, PlatformJsonContext.Default.GradescopeResults, destination, cancellationToken);
}
