using System.Globalization;
using Grader.Core.Results;

namespace Grader.Core.Reporting;

/// <summary>How every format writes points, percentages and locations: invariant culture, whatever the machine's.</summary>
public static class ReportText
{
    public static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(double score, double max) =>
        max == 0 ? "n/a" : (score / max).ToString("0.#%", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"file:line:column: " with as much as is known, or "" when the finding is not about a file.</summary>
    public static string Location(string? file, int? line, int? column) =>
        file is null ? string.Empty
        : line is null ? $"{file}: "
        : column is null ? $"{file}:{Number(line.Value)}: "
        : $"{file}:{Number(line.Value)}:{Number(column.Value)}: ";

    public static string Describe(Finding finding) =>
        Location(finding.File, finding.Line, finding.Column) + (finding.Code is null ? string.Empty : finding.Code + " ") + finding.Message;

    /// <summary>The message, then each finding on its own line: the long form platforms show under a test.</summary>
    public static string MessageWithFindings(CheckResult check) =>
        string.Join('\n', [check.Message, .. (check.Details?.Findings ?? []).Select(Describe)]);

    /// <summary>The checks a student has to act on: neither passed nor skipped.</summary>
    public static bool IsProblem(CheckResult check) => check.Status is not (CheckStatus.Passed or CheckStatus.Skipped);

    public static string StatusWord(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        CheckStatus.Error => "error",
        CheckStatus.Timeout => "timeout",
        _ => "skipped",
    };
}
