using Grader.Core.Results;

namespace Grader.Core.Reporting.Formats;

/// <summary>
/// PrairieLearn's external grader results.json: score in [0, 1], a test per check with its points. PrairieLearn
/// has no hidden tests, so hidden checks are left out of the list (their points are in the score).
/// </summary>
public sealed class PrairieLearnReporter(ReportOptions options) : IUngradableReporter
{
    public string Format => "prairielearn";

    public string Description => "PrairieLearn's external grader results.json: score in [0, 1], a test per check; gradable: false when it cannot grade";

    public ReportAudience Audience => ReportAudience.Student;

    public Task WriteAsync(GradingResult result, TextWriter destination, CancellationToken cancellationToken)
    {
        var problems = StudentView.Shown(result.AllChecks(), options).Count(ReportText.IsProblem);
        var message = $"{ReportText.Points(result.Score)}/{ReportText.Points(result.MaxScore)} points: "
            + (problems == 0 ? "every check passed." : $"{problems} {(problems == 1 ? "check" : "checks")} to fix.");
        if (StudentView.OmittedNote(result, options) is { } note)
        {
            message += " " + note;
        }

        var tests = StudentView.Shown(result.AllChecks(), options).Select(Test);
        var score = result.MaxScore == 0 ? 0 : Math.Clamp(result.Score / result.MaxScore, 0, 1);
        return WriteJsonAsync(new PrairieLearnResults(true, score, message, string.Empty, [.. tests]), destination, cancellationToken);
    }

    public Task WriteUngradableAsync(string reason, TextWriter destination, CancellationToken cancellationToken) =>
        WriteJsonAsync(new PrairieLearnResults(false, 0, $"The grader could not grade this submission: {reason}", string.Empty, []), destination, cancellationToken);

    private static PrairieLearnTest Test(CheckResult check) => new(
        $"{check.Id} {check.Title}",
        check.File is null ? "project" : check.File,
        check.Points,
        check.MaxPoints,
        $"{ReportText.StatusWord(check.Status)}: {check.Message}",
        string.Join('\n', (check.Details?.Findings ?? []).Select(ReportText.Describe)));

    private static Task WriteJsonAsync(PrairieLearnResults results, TextWriter destination, CancellationToken cancellationToken) =>
        JsonDocumentWriter.WriteAsync(results, PlatformJsonContext.Default.PrairieLearnResults, destination, cancellationToken);
}
