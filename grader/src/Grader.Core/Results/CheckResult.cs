namespace Grader.Core.Results;

/// <summary>One check's verdict on one file (or on the project), with its points.</summary>
/// <param name="Hidden">
/// The assignment marks this check hidden: student-facing reports leave it out (its points still count in the
/// score) until --reveal-hidden; instructor reports always show it.
/// </param>
public sealed record CheckResult(
    string Id,
    string Title,
    Category Category,
    CheckStatus Status,
    double Points,
    double MaxPoints,
    string Message,
    string? File,
    int? Line,
    CheckDetails? Details,
    bool Hidden = false);
