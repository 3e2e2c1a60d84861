using System.Collections.Immutable;
using Grader.Core.Results;

namespace Grader.Core.Reporting.Formats;

/// <summary>
/// SARIF 2.1.0 for code-scanning tools: the static checks are the rules (rule id = check id) and every finding
/// of a static check that did not pass is a result at its file and line. Behaviour checks have no source
/// location to point at, so they are not in it.
/// </summary>
public sealed class SarifReporter(ReportOptions options) : IReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public string Format => "sarif";

    public string Description => "SARIF 2.1.0 with the static findings (rule id = check id), for code scanning";

    public ReportAudience Audience => ReportAudience.Instructor;

    public Task WriteAsync(GradingResult result, TextWriter destination, CancellationToken cancellationToken) =>
        JsonDocumentWriter.WriteAsync(Render(result), SarifJsonContext.Default.SarifLog, destination, cancellationToken);

    private SarifLog Render(GradingResult result)
    {
        var staticChecks = result.AllChecks().Where(check => check.Category != Category.Behaviour).ToList();
        var rules = staticChecks.DistinctBy(check => check.Id)
            .Select(check => new SarifRule(check.Id, new SarifMessage(check.Title), new SarifRuleProperties([check.Category.ToString().ToLowerInvariant()])))
            .ToImmutableArray();
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
        var results = staticChecks.Where(ReportText.IsProblem).SelectMany(check => Results(check, ruleIndex[check.Id])).ToImmutableArray();
        var driver = new SarifDriver("grader", result.GraderVersion, rules);
        return new SarifLog(SchemaUri, "2.1.0", [new SarifRun(new SarifTool(driver), results)]);
    }

    private IEnumerable<SarifResult> Results(CheckResult check, int ruleIndex)
    {
        var level = check.Status == CheckStatus.Failed ? "error" : "warning";
        var findings = check.Details?.Findings ?? [];
        if (findings.IsEmpty)
        {
            yield return new SarifResult(check.Id, ruleIndex, level, new SarifMessage(check.Message), Locations(check.File, check.Line, null));
            yield break;
        }

        foreach (var finding in findings)
        {
            var text = (finding.Code is null ? string.Empty : finding.Code + " ") + finding.Message;
            yield return new SarifResult(check.Id, ruleIndex, level, new SarifMessage(text), Locations(finding.File ?? check.File, finding.Line, finding.Column));
        }
    }

    private ImmutableArray<SarifLocation> Locations(string? file, int? line, int? column)
    {
        if (file is null)
        {
            return [];
        }

        var region = line is >= 1 ? new SarifRegion(line.Value, column is >= 1 ? column : null) : null;
        return [new SarifLocation(new SarifPhysicalLocation(new SarifArtifactLocation(RelativeUri(file)), region))];
    }

    // A relative URI reference from the repository root: each segment percent-encoded (file names are the student's).
    private string RelativeUri(string file) =>
        string.Join('/', RepositoryPath.Of(options, file).Split('/').Select(Uri.EscapeDataString));
}
