using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Grader.Core.Reporting.Formats;

// The subset of SARIF 2.1.0 the grader writes, named as the standard names it.

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    ImmutableArray<SarifRun> Runs);

internal sealed record SarifRun(SarifTool Tool, ImmutableArray<SarifResult> Results);

internal sealed record SarifTool(SarifDriver Driver);

internal sealed record SarifDriver(string Name, string Version, ImmutableArray<SarifRule> Rules);

internal sealed record SarifRule(string Id, SarifMessage ShortDescription, SarifRuleProperties Properties);

internal sealed record SarifRuleProperties(ImmutableArray<string> Tags);

internal sealed record SarifMessage(string Text);

internal sealed record SarifResult(string RuleId, int RuleIndex, string Level, SarifMessage Message, ImmutableArray<SarifLocation> Locations);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion? Region);

internal sealed record SarifArtifactLocation(string Uri);

internal sealed record SarifRegion(int StartLine, int? StartColumn);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SarifLog))]
internal sealed partial class SarifJsonContext : JsonSerializerContext;
