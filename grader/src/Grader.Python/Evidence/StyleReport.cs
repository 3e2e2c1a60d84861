using System.Collections.Immutable;

namespace Grader.Python.Evidence;

/// <summary>One pycodestyle message, after the profile was applied.</summary>
public sealed record StyleFinding(string File, int Line, int Column, string Code, string Text);

/// <summary>pycodestyle's findings for every Python file of a submission.</summary>
/// <param name="Tool">Which pycodestyle ran and how: "pycodestyle 2.10.0 (installed, /usr/bin/pycodestyle) with the 2.5.0 profile".</param>
public sealed record StyleReport(string Tool, ImmutableArray<StyleFinding> Findings)
{
    /// <summary>Files left out by the size policy, each with its reason ("huge.py (30.0 MB)").</summary>
    public ImmutableArray<string> Skipped { get; init; } = [];

    public ImmutableArray<StyleFinding> For(string file) => [.. Findings.Where(finding => finding.File == file)];
}
