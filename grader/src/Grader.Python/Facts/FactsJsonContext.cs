using System.Text.Json.Serialization;

namespace Grader.Python.Facts;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AnalysisResponse))]
internal sealed partial class FactsJsonContext : JsonSerializerContext;
