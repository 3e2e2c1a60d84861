using System.Xml;
using System.Xml.Linq;
using Grader.Core.Results;

namespace Grader.Core.Reporting.Formats;

/// <summary>
/// JUnit XML as Jenkins, GitLab and Surefire read it: one testsuite per task (and one for the project checks),
/// one testcase per check, a failure or error with the message, and the points in each suite's properties.
/// </summary>
public sealed class JUnitReporter(ReportOptions options) : IReporter
{
    public string Format => "junit";

    public string Description => "JUnit XML: a testsuite per task, a testcase per check, points in properties (GitLab, Jenkins)";

    public ReportAudience Audience => ReportAudience.Instructor;

    public async Task WriteAsync(GradingResult result, TextWriter destination, CancellationToken cancellationToken)
    {
        // The declaration is written by hand: an XmlWriter over a TextWriter would name the writer's encoding
        // (UTF-16 for a StringWriter), while every file and stdout the grader writes is UTF-8.
        await destination.WriteAsync("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".AsMemory(), cancellationToken).ConfigureAwait(false);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Async = true, OmitXmlDeclaration = true };
        await using (var writer = XmlWriter.Create(destination, settings))
        {
            await Render(result).SaveAsync(writer, cancellationToken).ConfigureAwait(false);
        }

        await destination.WriteAsync('\n').ConfigureAwait(false);
    }

    public XDocument Render(GradingResult result)
    {
        var suites = new List<XElement>();
        if (!result.Project.IsEmpty)
        {
            suites.Add(Suite("project", "project", result.Project));
        }

        suites.AddRange(result.Tasks.Select(task => Suite($"task {ReportText.Number(task.Task)} ({task.File})", $"task {ReportText.Number(task.Task)}", task.Checks)));
        var root = new XElement(
            "testsuites",
            new XAttribute("name", XmlText.Clean($"grader {result.GraderVersion}: {result.Submission}")),
            Counts(result.AllChecks().ToList()));
        if (options.ElapsedSeconds is { } elapsed)
        {
            root.Add(new XAttribute("time", elapsed.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)));
        }

        root.Add(suites);
        return new XDocument(root);
    }

    private static XElement Suite(string name, string className, IReadOnlyList<CheckResult> checks) => new(
        "testsuite",
        new XAttribute("name", XmlText.Clean(name)),
        Counts(checks),
        new XElement(
            "properties",
            Property("score", checks.Sum(check => check.Points)),
            Property("max_score", checks.Sum(check => check.MaxPoints)),
            checks.SelectMany(check => new[] { Property($"{check.Id}.points", check.Points), Property($"{check.Id}.max_points", check.MaxPoints) })),
        checks.Select(check => Case(className, check)));

    private static XElement Property(string name, double value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", ReportText.Points(value)));

    private static XAttribute[] Counts(IReadOnlyCollection<CheckResult> checks) =>
    [
        new("tests", checks.Count),
        new("failures", checks.Count(check => check.Status == CheckStatus.Failed)),
        new("errors", checks.Count(check => check.Status is CheckStatus.Error or CheckStatus.Timeout)),
        new("skipped", checks.Count(check => check.Status == CheckStatus.Skipped)),
    ];

    private static XElement Case(string className, CheckResult check)
    {
        var testCase = new XElement("testcase", new XAttribute("classname", XmlText.Clean(className)), new XAttribute("name", XmlText.Clean($"{check.Id} {check.Title}")));
        var message = XmlText.Clean(check.Message);
        var body = XmlText.Clean(ReportText.MessageWithFindings(check));
        switch (check.Status)
        {
            case CheckStatus.Failed:
                testCase.Add(new XElement("failure", new XAttribute("message", message), new XAttribute("type", check.Id), body));
                break;
            case CheckStatus.Error or CheckStatus.Timeout:
                testCase.Add(new XElement("error", new XAttribute("message", message), new XAttribute("type", ReportText.StatusWord(check.Status)), body));
                break;
            case CheckStatus.Skipped:
                testCase.Add(new XElement("skipped", new XAttribute("message", message)));
                break;
        }

        return testCase;
    }
}
