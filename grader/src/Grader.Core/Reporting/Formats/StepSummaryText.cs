using System.Text;

namespace Grader.Core.Reporting.Formats;

/// <summary>
/// GitHub refuses a job summary over 1 MiB (and then shows none): the Markdown is cut at a line boundary, with a
/// note, so that it fits. The summary puts the most useful part first.
/// </summary>
public static class StepSummaryText
{
    /// <summary>GitHub's limit for the summary of one step.</summary>
    public const int GitHubLimitBytes = 1024 * 1024;

    private const string CutNote = "\n_The summary was cut here to fit GitHub's 1 MiB limit: the job log and the json report hold every check._\n";

    public static string Fit(string markdown, int limitBytes)
    {
        if (Encoding.UTF8.GetByteCount(markdown) <= limitBytes)
        {
            return markdown;
        }

        var budget = limitBytes - Encoding.UTF8.GetByteCount(CutNote);
        if (budget <= 0)
        {
            return string.Empty;
        }

        var kept = new StringBuilder();
        var used = 0;
        foreach (var line in markdown.Split('\n'))
        {
            var size = Encoding.UTF8.GetByteCount(line) + 1;
            if (used + size > budget)
            {
                break;
            }

            kept.Append(line).Append('\n');
            used += size;
        }

        return kept.Append(CutNote).ToString();
    }
}
