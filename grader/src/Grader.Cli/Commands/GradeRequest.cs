using System.Collections.Immutable;
using Grader.Cli.Reports;
using Grader.Core.Assignment;
using Grader.Core.Engine;

namespace Grader.Cli.Commands;

/// <summary>One grading run as the user asked for it, validated: what to grade, how, and which reports to write.</summary>
internal sealed record GradeRequest(
    AssignmentSpec Assignment,
    string Folder,
    GradingOptions Grading,
    string TerminalFormat,
    ImmutableArray<string> Reports,
    bool RevealHidden,
    FailUnder? FailUnder,
    string SourceRoot);
