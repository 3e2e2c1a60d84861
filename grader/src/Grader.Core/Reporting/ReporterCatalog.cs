using System.Collections.Immutable;

namespace Grader.Core.Reporting;

/// <summary>The formats the CLI accepts; its --format choices and help are generated from this list.</summary>
public sealed class ReporterCatalog(IEnumerable<IReporter> reporters)
{
    public ImmutableArray<IReporter> Reporters { get; } = [.. reporters];

    public static ReporterCatalog Create(bool color) => new([new HumanReporter(color), new JsonReporter()]);

    public IReporter? Find(string format) =>
        Reporters.FirstOrDefault(reporter => string.Equals(reporter.Format, format, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<string> Formats => Reporters.Select(reporter => reporter.Format);
}
