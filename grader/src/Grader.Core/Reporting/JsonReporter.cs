using System.Text.Json;
using Grader.Core.Results;

namespace Grader.Core.Reporting;

/// <summary>The result model itself, schema grader.result/1.</summary>
public sealed class JsonReporter : IReporter
{
    public string Format => "json";

    public string Description => "the result model as JSON (schema grader.result/1), for tools and scripts";

    public ReportAudience Audience => ReportAudience.Instructor;

    public async Task WriteAsync(GradingResult result, TextWriter destination, CancellationToken cancellationToken)
    {
        await destination.WriteAsync(Serialize(result).AsMemory(), cancellationToken).ConfigureAwait(false);
        await destination.WriteAsync('\n').ConfigureAwait(false);
    }

    public static string Serialize(GradingResult result) => JsonSerializer.Serialize(result, ResultJsonContext.Default.GradingResult);

    public static GradingResult? Deserialize(string json) => JsonSerializer.Deserialize(json, ResultJsonContext.Default.GradingResult);
}
