using Grader.Core.Checks;
using Grader.Core.Results;
using Grader.CSharp.Evidence;
using Microsoft.CodeAnalysis;

namespace Grader.CSharp.Checks.Syntax;

/// <summary>CS-COMPAT-001: the compiler reports no warning in the file (documentation warnings are CS-DOC-003's).</summary>
internal sealed class CompilerWarnings : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-COMPAT-001",
        "No compiler warnings",
        Category.Compat,
        CheckScope.Task,
        "Roslyn reports no warning located in this file (nullable warnings, unused variables, an async method without await...); "
        + "documentation-comment warnings are left to CS-DOC-003.",
        "A warning is the compiler saying the code probably does not do what it seems to; nullable warnings are null crashes waiting to happen.",
        "Read the warning below and change the code so the compiler has nothing to say.",
        "public static async Task<double> WaitRandom(int maxDelay = 10) { return 0.0; }   // CS1998: async without await",
        "public static async Task<double> WaitRandom(int maxDelay = 10) { ...; await Task.Delay(...); return delay; }",
        ["CS-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnTree((file, _, evidence) =>
        CompilerFindings.Judge(
            file.Path,
            evidence.DiagnosticsIn(file.Path).Where(d => d.Severity == DiagnosticSeverity.Warning && !CSharpEvidence.IsDocumentationDiagnostic(d)),
            "compiles without warnings",
            "warning"));
}
