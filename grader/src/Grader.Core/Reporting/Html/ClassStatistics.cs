using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Grader.Core.Batch;
using Grader.Core.Results;

namespace Grader.Core.Reporting.Html;

/// <summary>The class-level figures of the HTML report, computed once from the model (the renderer only formats).</summary>
internal sealed partial record ClassStatistics(
    ImmutableArray<int> Histogram,
    ImmutableArray<CheckPassRate> PassRates,
    ImmutableArray<CommonFailure> CommonFailures,
    int Graded,
    int Ungradable,
    int Late)
{
    public const int Bins = 10;

    public static ClassStatistics From(ClassReportModel model)
    {
        var graded = model.Records.Where(record => record.Status == BatchStatus.Graded).ToList();
        var histogram = new int[Bins];
        foreach (var record in graded.Where(record => record.MaxScore > 0))
        {
            histogram[Math.Min(Bins - 1, (int)(record.Score / record.MaxScore * Bins))]++;
        }

        var checks = model.Results.Values.SelectMany(result => result.AllChecks()).ToList();
        var passRates = checks
            .Where(check => !(check.Status == CheckStatus.Skipped && check.MaxPoints == 0))
            .GroupBy(check => (check.Id, check.Title))
            .Select(group => new CheckPassRate(group.Key.Id, group.Key.Title, group.Count(check => check.Status == CheckStatus.Passed), group.Count()))
            .OrderBy(rate => rate.Rate).ThenBy(rate => rate.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var failures = checks
            .Where(check => check.Status is CheckStatus.Failed or CheckStatus.Error or CheckStatus.Timeout)
            .GroupBy(check => (check.Id, Message: Numbers().Replace(check.Message, "#")))
            .Select(group => new CommonFailure(group.Key.Id, group.Key.Message, group.Count()))
            .OrderByDescending(failure => failure.Count).ThenBy(failure => failure.Id, StringComparer.Ordinal).ThenBy(failure => failure.Message, StringComparer.Ordinal)
            .Take(15)
            .ToImmutableArray();
        return new ClassStatistics([.. histogram], passRates, failures, graded.Count, model.Records.Length - graded.Count, model.Records.Count(record => record.Late));
    }

    // Messages that differ only by their numbers (delays, line numbers) are the same failure; digits inside
    // names (0-basic_async_syntax.py, E225) are kept.
    [GeneratedRegex(@"(?<![\w-])\d+(\.\d+)?(?![\w-])")]
    private static partial Regex Numbers();
}

internal sealed record CheckPassRate(string Id, string Title, int Passed, int Total)
{
    public double Rate => Total == 0 ? 1 : (double)Passed / Total;
}

internal sealed record CommonFailure(string Id, string Message, int Count);
