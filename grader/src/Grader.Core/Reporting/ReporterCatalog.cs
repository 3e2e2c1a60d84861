using System.Collections.Immutable;
using Grader.Core.Reporting.Formats;

namespace Grader.Core.Reporting;

/// <summary>The formats the CLI accepts; its --format and --report choices and help are generated from this list.</summary>
public sealed class ReporterCatalog(IEnumerable<IReporter> reporters)
{
    public ImmutableArray<IReporter> Reporters { get; } = [.. reporters];

    public static ReporterCatalog Create(ReportOptions options) => new(
    [
        new HumanReporter(options),
        new JsonReporter(),
        new MarkdownReporter(options),
        new JUnitReporter(options),
        new GradescopeReporter(options),
        new PrairieLearnReporter(options),
        new GitHubReporter(options),
        new SarifReporter(options),
    ]);

    public IReporter? Find(string format) =>
        Reporters.FirstOrDefault(reporter => string.Equals(reporter.Format, format, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<string> Formats => Reporters.Select(reporter => reporter.Format);
}
