using System.Text.Json.Serialization;

namespace Grader.Core.Python.Facts;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AnalysisResponse))]
internal sealed partial class FactsJsonContext : JsonSerializerContext;
