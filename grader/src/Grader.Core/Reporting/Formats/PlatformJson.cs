using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Grader.Core.Reporting.Formats;

// The documents of the learning platforms, exactly as each platform names its keys.

/// <summary>Gradescope's results.json.</summary>
internal sealed record GradescopeResults(
    double Score,
    int? ExecutionTime,
    string Output,
    string OutputFormat,
    string Visibility,
    string StdoutVisibility,
    ImmutableArray<GradescopeTest> Tests);

internal sealed record GradescopeTest(
    double Score,
    double MaxScore,
    string Status,
    string Name,
    string Number,
    string Output,
    string Visibility,
    ImmutableArray<string> Tags);

/// <summary>PrairieLearn's external grader results.json.</summary>
internal sealed record PrairieLearnResults(bool Gradable, double Score, string Message, string Output, ImmutableArray<PrairieLearnTest> Tests);

internal sealed record PrairieLearnTest(string Name, string Description, double Points, double MaxPoints, string Message, string Output);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GradescopeResults))]
[JsonSerializable(typeof(PrairieLearnResults))]
internal sealed partial class PlatformJsonContext : JsonSerializerContext;
