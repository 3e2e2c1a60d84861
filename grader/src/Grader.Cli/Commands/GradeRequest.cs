using System.Collections.Immutable;
using Grader.Cli.Reports;
using Grader.Core.Engine;

namespace Grader.Cli.Commands;

/// <summary>One grading run as the user asked for it, validated: what to grade, how, and which reports to write.</summary>
/// <param name="Track">The --track asked for, or null to detect it from the submission.</param>
/// <param name="AssignmentDirectory">The --assignment folder, or null for the track's own.</param>
internal sealed record GradeRequest(
    string? Track,
    string? AssignmentDirectory,
    string Folder,
    GradingOptions Grading,
    string TerminalFormat,
    ImmutableArray<string> Reports,
    bool RevealHidden,
    FailUnder? FailUnder,
    string SourceRoot)
{
    /// <summary>--no-sandbox: run student code with rlimits only.</summary>
    public bool NoSandbox { get; init; }

    /// <summary>The command's name when it refuses to run student code without a sandbox (ci); null when it grades anyway (check).</summary>
    public string? RefusingCommand { get; init; }
}
