using Grader.Core.Engine;
using Grader.Core.Reporting;

namespace Grader.Cli.Reports;

/// <summary>One <c>--report FORMAT=PATH</c>: a format and where it goes ("-" for stdout).</summary>
internal sealed record ReportRequest(string Format, string Path)
{
    public const string StandardOutput = "-";

    public bool ToStandardOutput => Path == StandardOutput;

    public static ReportRequest Parse(string text, ReporterCatalog catalog)
    {
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0 || separator == text.Length - 1)
        {
            throw GraderSetupException.InvalidOption("--report", $"'{text}' is not FORMAT=PATH; write e.g. --report junit=results/junit.xml or --report json=- for stdout.");
        }

        var format = text[..separator].Trim();
        var path = text[(separator + 1)..].Trim();
        if (catalog.Find(format) is not { } reporter)
        {
            throw GraderSetupException.InvalidOption("--report", $"there is no format '{format}'; the formats are {string.Join(", ", catalog.Formats)}.");
        }

        if (path != StandardOutput && Directory.Exists(path))
        {
            throw GraderSetupException.InvalidOption("--report", $"'{path}' is a folder; give the path of the file to write, e.g. {System.IO.Path.Combine(path, reporter.Format + ".out")}.");
        }

        return new ReportRequest(reporter.Format, path);
    }

    /// <summary>Parses every --report; at most one may go to stdout, and no two to the same file.</summary>
    public static IReadOnlyList<ReportRequest> ParseAll(IEnumerable<string> texts, ReporterCatalog catalog)
    {
        var requests = texts.Select(text => Parse(text, catalog)).ToList();
        if (requests.Count(request => request.ToStandardOutput) > 1)
        {
            throw GraderSetupException.InvalidOption("--report", "only one report can go to stdout ('-'); write the others to files.");
        }

        var twice = requests.Where(request => !request.ToStandardOutput)
            .GroupBy(request => System.IO.Path.GetFullPath(request.Path), StringComparer.Ordinal)
            .FirstOrDefault(group => group.Count() > 1);
        if (twice is not null)
        {
            throw GraderSetupException.InvalidOption("--report", $"two reports would write '{twice.First().Path}'; give each its own file.");
        }

        return requests;
    }
}
