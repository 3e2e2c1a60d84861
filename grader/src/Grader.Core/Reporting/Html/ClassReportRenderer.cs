using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Grader.Core.Batch;

namespace Grader.Core.Reporting.Html;

/// <summary>
/// Renders report.html: one self-contained file (inline CSS, inline SVG, a few lines of inline script; no
/// network). Every piece of text goes through the HTML encoder: student ids, messages and code included.
/// </summary>
public static class ClassReportRenderer
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Render(ClassReportModel model)
    {
        var statistics = ClassStatistics.From(model);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(model.Title)}: class report</title>\n<style>{Assets.Css}</style>\n</head>\n<body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{E(model.Title)}: class report</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p id=\"summary\">{model.Records.Length} students: {statistics.Graded} graded, {statistics.Ungradable} ungradable, {statistics.Late} late. Grader {E(model.GraderVersion)}.</p>\n");
        Histogram(html, statistics);
        PassRates(html, statistics);
        CommonFailures(html, statistics);
        Students(html, model);
        Similarity(html, model);
        StudentDetails(html, model);
        html.Append(CultureInfo.InvariantCulture, $"<script>{Assets.SortScript}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Histogram(StringBuilder html, ClassStatistics statistics)
    {
        const int barWidth = 48, height = 160;
        var tallest = Math.Max(1, statistics.Histogram.Max());
        html.Append("<section id=\"distribution\"><h2>Score distribution</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"Histogram of scores\" width=\"{(barWidth + 8) * ClassStatistics.Bins}\" height=\"{height + 40}\">");
        for (var bin = 0; bin < ClassStatistics.Bins; bin++)
        {
            var count = statistics.Histogram[bin];
            var barHeight = count * height / tallest;
            var x = bin * (barWidth + 8);
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x}\" y=\"{height - barHeight}\" width=\"{barWidth}\" height=\"{barHeight}\"><title>{bin * 10}-{(bin + 1) * 10}%: {count}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (barWidth / 2)}\" y=\"{height - barHeight - 4}\" text-anchor=\"middle\">{count}</text>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (barWidth / 2)}\" y=\"{height + 16}\" text-anchor=\"middle\">{bin * 10}%</text>");
        }

        html.Append("</svg></section>\n");
    }

    private static void PassRates(StringBuilder html, ClassStatistics statistics)
    {
        html.Append("<section id=\"pass-rates\"><h2>Pass rate per check (hardest first)</h2>\n<table><thead><tr><th>Check</th><th>Rule</th><th>Passed</th><th>Rate</th></tr></thead><tbody>\n");
        foreach (var rate in statistics.PassRates)
        {
            var percent = rate.Rate * 100;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(rate.Id)}</td><td>{E(rate.Title)}</td><td>{rate.Passed}/{rate.Total}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td><span class=\"meter\"><span style=\"width:{percent:0}%\"></span></span> {percent:0}%</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void CommonFailures(StringBuilder html, ClassStatistics statistics)
    {
        html.Append("<section id=\"common-failures\"><h2>Most common failures</h2>\n<table><thead><tr><th>Students</th><th>Check</th><th>Message (numbers shown as #)</th></tr></thead><tbody>\n");
        foreach (var failure in statistics.CommonFailures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{failure.Count}</td><td>{E(failure.Id)}</td><td>{E(failure.Message)}</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void Students(StringBuilder html, ClassReportModel model)
    {
        var tasks = model.Results.Values.FirstOrDefault()?.Tasks.Select(task => task.Task).ToList() ?? [];
        html.Append("<section id=\"students\"><h2>Students</h2><p class=\"hint\">Click a column to sort.</p>\n<table class=\"sortable\"><thead><tr><th>Student</th><th>Status</th>");
        foreach (var task in tasks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>Task {task}</th>");
        }

        html.Append("<th>Score</th><th>%</th><th>Late</th></tr></thead><tbody>\n");
        foreach (var record in model.Records)
        {
            var graded = record.Status == BatchStatus.Graded;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#student-{E(record.StudentId)}\">{E(record.StudentId)}</a></td><td>{(graded ? "graded" : E("ungradable: " + record.Reason))}</td>");
            foreach (var task in tasks)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{(graded ? Number(record.TaskScores.GetValueOrDefault(task.ToString(CultureInfo.InvariantCulture))) : string.Empty)}</td>");
            }

            var percent = graded && record.MaxScore > 0 ? Number(100 * record.Score / record.MaxScore) : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<td>{(graded ? $"{Number(record.Score)}/{Number(record.MaxScore)}" : string.Empty)}</td><td>{percent}</td><td>{(record.Late ? "late" : string.Empty)}</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void Similarity(StringBuilder html, ClassReportModel model)
    {
        html.Append("<section id=\"similarity\"><h2>Similar submissions</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"caveat\">{E(model.SimilarityCaveat)}</p>\n");
        if (model.Similar.IsEmpty)
        {
            html.Append("<p>No pair of submissions is above the similarity threshold.</p>\n");
        }

        foreach (var pair in model.Similar)
        {
            html.Append(CultureInfo.InvariantCulture, $"<details class=\"pair\"><summary>{E(pair.First)} and {E(pair.Second)}: {Number(pair.Score * 100)}% shared</summary>\n");
            foreach (var region in pair.Regions)
            {
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"side-by-side\"><figure><figcaption>{E(region.FirstLocation)}</figcaption><pre>{E(region.FirstCode)}</pre></figure>")
                    .Append(CultureInfo.InvariantCulture, $"<figure><figcaption>{E(region.SecondLocation)}</figcaption><pre>{E(region.SecondCode)}</pre></figure></div>\n");
            }

            html.Append("</details>\n");
        }

        html.Append("</section>\n");
    }

    private static void StudentDetails(StringBuilder html, ClassReportModel model)
    {
        html.Append("<section id=\"reports\"><h2>Reports</h2>\n");
        foreach (var record in model.Records)
        {
            html.Append(CultureInfo.InvariantCulture, $"<details class=\"student\" id=\"student-{E(record.StudentId)}\"><summary>{E(record.StudentId)}</summary>\n");
            foreach (var note in record.Notes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(note)}</p>\n");
            }

            if (model.Results.TryGetValue(record.StudentId, out var result))
            {
                html.Append("<table><thead><tr><th>Task</th><th>Check</th><th>Status</th><th>Points</th><th>Message</th></tr></thead><tbody>\n");
                foreach (var (task, check) in result.Project.Select(check => ("project", check))
                    .Concat(result.Tasks.SelectMany(task => task.Checks.Select(check => (task.Task.ToString(CultureInfo.InvariantCulture), check)))))
                {
                    var status = check.Status.ToString().ToLowerInvariant();
                    html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{status}\"><td>{task}</td><td>{E(check.Id)}</td><td>{status}</td><td>{Number(check.Points)}/{Number(check.MaxPoints)}</td><td>{E(check.Message)}</td></tr>\n");
                }

                html.Append("</tbody></table>\n");
            }
            else
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>Not graded: {E(record.Reason ?? "no result")}</p>\n");
            }

            html.Append("</details>\n");
        }

        html.Append("</section>\n");
    }

    private static string E(string text) => Encoder.Encode(text);

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
