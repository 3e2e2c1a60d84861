using System.Text;
using Grader.Core.Results;

namespace Grader.Core.Reporting.Formats;

/// <summary>
/// A readable summary in GitHub-flavoured Markdown: the score, a line per task, what to fix, then every check.
/// The most useful part comes first, so a summary cut to fit a size limit loses the least.
/// </summary>
public sealed class MarkdownReporter(ReportOptions options) : IReporter
{
    private const int MaxFindingsShown = 12;

    public string Format => "markdown";

    public string Description => "a Markdown summary (score, what to fix, every check), e.g. for a merge request or a job summary";

    public ReportAudience Audience => ReportAudience.Student;

    public async Task WriteAsync(GradingResult result, TextWriter destination, CancellationToken cancellationToken) =>
        await destination.WriteAsync(Render(result).AsMemory(), cancellationToken).ConfigureAwait(false);

    public string Render(GradingResult result)
    {
        var shown = StudentView.Shown(result.AllChecks(), options);
        var problems = shown.Where(ReportText.IsProblem).ToList();
        var text = new StringBuilder();
        text.Append("# Grading report: ").Append(MarkdownText.Escape(result.Submission)).Append("\n\n");
        text.Append("**Score: ").Append(ReportText.Points(result.Score)).Append('/').Append(ReportText.Points(result.MaxScore))
            .Append("** (").Append(ReportText.Percent(result.Score, result.MaxScore)).Append("): ")
            .Append(problems.Count == 0 ? "every check passed" : $"{problems.Count} {(problems.Count == 1 ? "check" : "checks")} to fix")
            .Append(" · grader ").Append(MarkdownText.Escape(result.GraderVersion));
        if (result.Settings.TryGetValue("seed", out var seed))
        {
            text.Append(" · seed ").Append(MarkdownText.Escape(seed));
        }

        text.Append("\n\n");
        if (StudentView.OmittedNote(result, options) is { } note)
        {
            text.Append(MarkdownText.Escape(note)).Append("\n\n");
        }

        WriteScores(result, text);
        WriteProblems(problems, text);
        WriteEveryCheck(shown, text);
        return text.ToString();
    }

    private static void WriteScores(GradingResult result, StringBuilder text)
    {
        text.Append("| Part | Score |\n|---|---|\n");
        if (!result.Project.IsEmpty)
        {
            text.Append("| Project | ").Append(ReportText.Points(result.Project.Sum(check => check.Points))).Append('/')
                .Append(ReportText.Points(result.Project.Sum(check => check.MaxPoints))).Append(" |\n");
        }

        foreach (var task in result.Tasks)
        {
            text.Append("| Task ").Append(ReportText.Number(task.Task)).Append(": ").Append(MarkdownText.Escape(task.File)).Append(" | ")
                .Append(ReportText.Points(task.Score)).Append('/').Append(ReportText.Points(task.MaxScore)).Append(" |\n");
        }

        text.Append('\n');
    }

    private static void WriteProblems(List<CheckResult> problems, StringBuilder text)
    {
        if (problems.Count == 0)
        {
            return;
        }

        text.Append("## What to fix\n\n");
        foreach (var check in problems)
        {
            text.Append("- ").Append(Mark(check.Status)).Append(" **").Append(check.Id).Append("** ").Append(MarkdownText.Escape(check.Title))
                .Append(": ").Append(MarkdownText.Escape(check.Message)).Append('\n');
            var findings = check.Details?.Findings ?? [];
            if (findings.Length > 1)
            {
                foreach (var finding in findings.Take(MaxFindingsShown))
                {
                    text.Append("  - ").Append(MarkdownText.Escape(ReportText.Describe(finding))).Append('\n');
                }

                if (findings.Length > MaxFindingsShown)
                {
                    text.Append("  - ... and ").Append(ReportText.Number(findings.Length - MaxFindingsShown)).Append(" more\n");
                }
            }
        }

        text.Append('\n');
    }

    private static void WriteEveryCheck(IEnumerable<CheckResult> checks, StringBuilder text)
    {
        text.Append("## Every check\n\n| Result | Check | Rule | File | Points |\n|---|---|---|---|---|\n");
        foreach (var check in checks)
        {
            text.Append("| ").Append(Mark(check.Status)).Append(" | ").Append(check.Id).Append(" | ").Append(MarkdownText.Escape(check.Title))
                .Append(" | ").Append(MarkdownText.Escape(check.File ?? string.Empty)).Append(" | ")
                .Append(ReportText.Points(check.Points)).Append('/').Append(ReportText.Points(check.MaxPoints)).Append(" |\n");
        }
    }

    private static string Mark(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "✔ pass",
        CheckStatus.Failed => "✘ FAIL",
        CheckStatus.Error => "! error",
        CheckStatus.Timeout => "⏱ timeout",
        _ => "- skipped",
    };
}
