namespace Grader.Core.Results;

/// <summary>One located problem inside a check, e.g. one pycodestyle message or one undocumented function.</summary>
/// <param name="File">Path relative to the submission root, or null when the finding is not about a file.</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Column">1-based column, when known.</param>
/// <param name="Code">A tool's own code (pycodestyle's E225) or a short tag, when there is one.</param>
/// <param name="Message">What is wrong, for a student.</param>
public sealed record Finding(string? File, int? Line, int? Column, string? Code, string Message);
