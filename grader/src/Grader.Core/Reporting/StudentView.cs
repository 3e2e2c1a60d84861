using System.Collections.Immutable;
using Grader.Core.Results;

namespace Grader.Core.Reporting;

/// <summary>
/// What a student-facing format shows: every check unless hidden, and a note on what was left out. Scores are
/// never recomputed: a hidden check's points count in the score whoever reads it.
/// </summary>
public static class StudentView
{
    public static ImmutableArray<CheckResult> Shown(IEnumerable<CheckResult> checks, ReportOptions options) =>
        options.RevealHidden ? [.. checks] : [.. checks.Where(check => !check.Hidden)];

    /// <summary>One sentence about the hidden checks left out, or null when none was.</summary>
    public static string? OmittedNote(GradingResult result, ReportOptions options)
    {
        var omitted = options.RevealHidden ? [] : result.AllChecks().Where(check => check.Hidden).ToList();
        return omitted.Count == 0
            ? null
            : $"{omitted.Count} hidden {(omitted.Count == 1 ? "check" : "checks")} worth up to {ReportText.Points(omitted.Sum(check => check.MaxPoints))} points {(omitted.Count == 1 ? "is" : "are")} not shown; {(omitted.Count == 1 ? "its" : "their")} points are in the score.";
    }
}
