using System.Text.Json.Serialization;
using Grader.Core.Results;

namespace Grader.Core.Reporting;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(GradingResult))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
