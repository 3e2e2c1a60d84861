using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;
using Grader.CSharp.Evidence;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grader.CSharp.Checks.Docs;

/// <summary>CS-DOC-003: doc comments name every parameter and the return value, and are well-formed.</summary>
internal sealed class IncompleteDocComment : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-DOC-003",
        "Doc comments describe parameters and return values",
        Category.Docs,
        CheckScope.Task,
        "Each documented method, constructor, delegate and indexer has a <param> for every parameter and, when it returns a value "
        + "(Task<T> included), a <returns>; the compiler reports no documentation warning (malformed XML, a <param> naming no parameter...).",
        "A reader of the method's documentation needs to know what each argument means and what comes back.",
        "Add <param name=\"...\"> and <returns> elements to the comments listed below, or fix the XML the compiler points at.",
        "/// <summary>Waits a random delay and returns it.</summary>\\npublic static async Task<double> WaitRandom(int maxDelay = 10)",
        "/// <summary>Waits a random delay and returns it.</summary>\\n/// <param name=\"maxDelay\">The longest delay, in seconds.</param>\\n/// <returns>The delay waited, in seconds.</returns>",
        ["CS-DOC-001"]);

    // CS1591 (no doc comment) is CS-DOC-001's; CS1573 (a parameter without <param>) is found below for every member.
    private static readonly HashSet<string> CoveredElsewhere = ["CS1591", "CS1573"];

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnTree((file, tree, evidence) =>
    {
        var model = evidence.ModelOf(tree);
        var missing = DocumentedMembers.In(tree)
            .Where(member => member.Comment is not null && !member.Inherits)
            .SelectMany(member => Missing(member, model))
            .Select(problem => Located(file.Path, problem.Node, problem.Message, null));
        var compiler = evidence.DiagnosticsIn(file.Path)
            .Where(diagnostic => CSharpEvidence.IsDocumentationDiagnostic(diagnostic) && !CoveredElsewhere.Contains(diagnostic.Id))
            .Select(diagnostic => Located(file.Path, diagnostic.Location, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).TrimEnd('.'), diagnostic.Id));
        ImmutableArray<Finding> findings = [.. missing.Concat(compiler).OrderBy(finding => finding.Line)];
        return CheckOutcome.FromFindings(
            findings,
            $"The doc comments in {file.Path} describe every parameter and return value.",
            found => $"{file.Path}:{found[0].Line}: {found[0].Message}"
                + (found.Length > 1 ? $"; {CSharpCheckAccess.Count(found.Length - 1, "more problem")} below." : "."));
    });

    private static IEnumerable<(Location Node, string Message)> Missing(DocumentedMember member, SemanticModel model)
    {
        var (parameters, returnType) = member.Declaration switch
        {
            BaseMethodDeclarationSyntax method => (method.ParameterList.Parameters, (method as MethodDeclarationSyntax)?.ReturnType),
            DelegateDeclarationSyntax @delegate => (@delegate.ParameterList.Parameters, @delegate.ReturnType),
            IndexerDeclarationSyntax indexer => (indexer.ParameterList.Parameters, indexer.Type),
            _ => (default(SeparatedSyntaxList<ParameterSyntax>), null),
        };
        var documented = member.ParamNames.ToHashSet(StringComparer.Ordinal);
        foreach (var parameter in parameters.Where(parameter => !documented.Contains(parameter.Identifier.ValueText)))
        {
            yield return (parameter.GetLocation(), $"{member.Describe}: parameter {parameter.Identifier.ValueText} has no <param>");
        }

        if (returnType is not null && ReturnsAValue(model.GetTypeInfo(returnType).Type) && !member.Elements("returns").Any())
        {
            yield return (member.Declaration.GetLocation(), $"{member.Describe} returns a value but has no <returns>");
        }
    }

    // void and a bare Task (or ValueTask) return nothing a reader needs described.
    private static bool ReturnsAValue(ITypeSymbol? type) => type switch
    {
        null => false,
        { SpecialType: SpecialType.System_Void } => false,
        INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false, ContainingNamespace: { } ns } when ns.ToDisplayString() == "System.Threading.Tasks" => false,
        _ => true,
    };

    private static Finding Located(string path, Location location, string message, string? code)
    {
        var (line, column) = location.Position();
        return new Finding(path, line, column, code, message);
    }
}
