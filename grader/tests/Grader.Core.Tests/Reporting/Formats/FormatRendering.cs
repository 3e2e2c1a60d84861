using Grader.Core.Reporting;
using Grader.Core.Results;

namespace Grader.Core.Tests.Reporting.Formats;

/// <summary>Renders a result in one format with fixed options, so that output is the same on every machine.</summary>
internal static class FormatRendering
{
    public const string StopToken = "0123456789abcdef0123456789abcdef";

    public static ReportOptions Fixed(bool revealHidden = false) => new(false, revealHidden)
    {
        NewStopToken = () => StopToken,
        SourceRoot = "submissions/alice",
        ElapsedSeconds = 2.25,
    };

    public static async Task<string> RenderAsync(string format, GradingResult result, ReportOptions? options = null)
    {
        var reporter = ReporterCatalog.Create(options ?? Fixed()).Find(format) ?? throw new ArgumentException($"no format {format}");
        using var writer = new StringWriter();
        await reporter.WriteAsync(result, writer, CancellationToken.None);
        return writer.ToString();
    }
}
