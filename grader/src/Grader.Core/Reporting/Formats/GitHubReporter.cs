using Grader.Core.Results;

namespace Grader.Core.Reporting.Formats;

/// <summary>
/// For a GitHub Actions log: an error annotation per problem at its file and line (errors first; GitHub shows
/// only 10 per level and step, so the rest are counted and left to the job summary), a notice with the score,
/// then every problem in full inside a ::stop-commands:: fence, because messages quote the student's output
/// and a line of it could otherwise be run as a workflow command. The job summary is <see cref="StepSummary"/>.
/// </summary>
public sealed class GitHubReporter(ReportOptions options) : IReporter
{
    /// <summary>Annotations GitHub displays per level in one step; more are dropped silently.</summary>
    public const int AnnotationsShownPerLevel = 10;

    public string Format => "github";

    public string Description => "GitHub Actions: annotations at file and line (10 per level, the rest in the summary), student text fenced by ::stop-commands::, and a Markdown job summary appended to $GITHUB_STEP_SUMMARY";

    public ReportAudience Audience => ReportAudience.Student;

    public async Task WriteAsync(GradingResult result, TextWriter destination, CancellationToken cancellationToken)
    {
        foreach (var line in Render(result))
        {
            await destination.WriteAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            await destination.WriteAsync('\n').ConfigureAwait(false);
        }
    }

    /// <summary>The Markdown job summary, cut to fit <paramref name="limitBytes"/>.</summary>
    public string StepSummary(GradingResult result, int limitBytes) =>
        StepSummaryText.Fit(new MarkdownReporter(options).Render(result), limitBytes);

    private IEnumerable<string> Render(GradingResult result)
    {
        var problems = StudentView.Shown(result.AllChecks(), options).Where(ReportText.IsProblem).ToList();
        var annotated = problems.Take(AnnotationsShownPerLevel).ToList();
        foreach (var check in annotated)
        {
            yield return Annotation("error", check);
        }

        var score = $"{ReportText.Points(result.Score)}/{ReportText.Points(result.MaxScore)} ({ReportText.Percent(result.Score, result.MaxScore)}): "
            + (problems.Count == 0 ? "every check passed" : $"{problems.Count} {(problems.Count == 1 ? "check" : "checks")} to fix");
        yield return WorkflowCommand.Format("notice", [("title", "Grader score")], score);
        if (problems.Count > annotated.Count)
        {
            yield return $"{problems.Count - annotated.Count} more problems are not annotated (GitHub shows {AnnotationsShownPerLevel} per step): the job summary lists every one.";
        }

        if (StudentView.OmittedNote(result, options) is { } note)
        {
            yield return note;
        }

        if (problems.Count == 0)
        {
            yield break;
        }

        // Everything below quotes the student's messages and output: no line of it may run as a command.
        var token = options.NewStopToken();
        yield return "::group::Every problem in full";
        yield return $"::stop-commands::{token}";
        foreach (var check in problems)
        {
            yield return $"{ReportText.StatusWord(check.Status).ToUpperInvariant()} {check.Id} {check.Title}";
            yield return "    " + check.Message;
            foreach (var finding in check.Details?.Findings ?? [])
            {
                yield return "      - " + ReportText.Describe(finding);
            }
        }

        yield return $"::{token}::";
        yield return "::endgroup::";
    }

    private string Annotation(string level, CheckResult check)
    {
        var properties = new List<(string, string)>();
        if (check.File is not null)
        {
            properties.Add(("file", RepositoryPath.Of(options, check.File)));
            if (check.Line is >= 1)
            {
                properties.Add(("line", ReportText.Number(check.Line.Value)));
            }
        }

        properties.Add(("title", $"{check.Id} {check.Title}"));
        return WorkflowCommand.Format(level, properties, check.Message);
    }
}
