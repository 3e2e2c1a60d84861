namespace Grader.Core.Results;

/// <summary>One check's verdict on one file (or on the project), with its points.</summary>
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
    CheckDetails? Details);
