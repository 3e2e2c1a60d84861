using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Grader.CSharp.Evidence;

/// <summary>
/// What the C# track learnt about one submission before any check runs: the parsed files, one Roslyn
/// compilation of all of them, and the compiler's diagnostics. Stored in SubmissionEvidence.Items under
/// <see cref="Key"/>; Roslyn's objects are immutable, so checks may share them.
/// </summary>
/// <param name="Trees">
/// The student's .cs files by submission path: those the loaded project compiles, or, without a loaded project, all of
/// them outside bin/ and obj/.
/// </param>
/// <param name="Compilation">All of <paramref name="Trees"/> compiled together as the project's library.</param>
/// <param name="Diagnostics">The compiler's warnings and errors located in the student's files.</param>
/// <param name="Host">The compiler host that compiled them (its formatter workspace serves the style check).</param>
/// <param name="Load">How the project's references were resolved; its extra references are in <paramref name="Compilation"/>.</param>
public sealed record CSharpEvidence(
    Compiling.CompilerHost Host,
    ImmutableSortedDictionary<string, SyntaxTree> Trees,
    CSharpCompilation Compilation,
    ImmutableArray<Diagnostic> Diagnostics,
    Loading.ProjectLoad Load)
{
    public const string Key = "csharp";

    public SyntaxTree? TreeOf(string path) => Trees.GetValueOrDefault(path);

    public SemanticModel ModelOf(SyntaxTree tree) => Compilation.GetSemanticModel(tree);

    /// <summary>The diagnostics located in one file, in source order.</summary>
    public IEnumerable<Diagnostic> DiagnosticsIn(string path) =>
        Diagnostics.Where(diagnostic => diagnostic.Location.SourceTree?.FilePath == path).OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start);

    /// <summary>True for the compiler's documentation-comment diagnostics (CS1570-CS1592, CS1710-CS1735).</summary>
    public static bool IsDocumentationDiagnostic(Diagnostic diagnostic) =>
        diagnostic.Id.Length == 6 && int.TryParse(diagnostic.Id.AsSpan(2), out var number) && number is (>= 1570 and <= 1592) or (>= 1710 and <= 1735);
}
