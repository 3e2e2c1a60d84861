using System.Collections.Immutable;
using Grader.Core.Results;

namespace Grader.Core.Checks;

/// <summary>Why a check did not run: its prerequisite failed, or the grader was told to waive it.</summary>
public enum SkipKind
{
    None,
    PrerequisiteFailed,
    Waived,
}

/// <summary>What a check decided, before any points are attached (checks never see points).</summary>
public sealed record CheckOutcome(
    CheckStatus Status,
    string Message,
    ImmutableArray<Finding> Findings,
    ImmutableSortedDictionary<string, string> Facts,
    SkipKind Skip = SkipKind.None)
{
    public static CheckOutcome Pass(string message, ImmutableSortedDictionary<string, string>? facts = null) =>
        new(CheckStatus.Passed, message, [], facts ?? ImmutableSortedDictionary<string, string>.Empty);

    public static CheckOutcome Fail(string message, ImmutableArray<Finding> findings = default, ImmutableSortedDictionary<string, string>? facts = null) =>
        new(CheckStatus.Failed, message, findings.IsDefault ? [] : findings, facts ?? ImmutableSortedDictionary<string, string>.Empty);

    public static CheckOutcome Error(string message, ImmutableSortedDictionary<string, string>? facts = null) =>
        new(CheckStatus.Error, message, [], facts ?? ImmutableSortedDictionary<string, string>.Empty);

    public static CheckOutcome TimedOut(string message, ImmutableSortedDictionary<string, string>? facts = null) =>
        new(CheckStatus.Timeout, message, [], facts ?? ImmutableSortedDictionary<string, string>.Empty);

    public static CheckOutcome Skipped(string reason, SkipKind kind) =>
        new(CheckStatus.Skipped, reason, [], ImmutableSortedDictionary<string, string>.Empty, kind);

    /// <summary>Passed when there are no findings, otherwise failed with the summary the caller wrote.</summary>
    public static CheckOutcome FromFindings(ImmutableArray<Finding> findings, string passMessage, Func<ImmutableArray<Finding>, string> failMessage) =>
        findings.IsEmpty ? Pass(passMessage) : Fail(failMessage(findings), findings);
}
