using Grader.Core.Checks;
using Grader.Core.Results;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grader.CSharp.Checks.Conventions;

/// <summary>CS-CONV-002: no async void methods, local functions or lambdas.</summary>
internal sealed class AsyncVoid : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-CONV-002",
        "No async void",
        Category.Conventions,
        CheckScope.Task,
        "No method, local function or lambda is declared async and returns void (an async lambda passed as an Action counts).",
        "Nobody can await an async void method: its caller cannot know when it ends, and its exceptions crash the process.",
        "Return Task (or Task<T>) instead of void, and await the call.",
        "public static async void WaitRandom(int maxDelay = 10) { ... }",
        "public static async Task<double> WaitRandom(int maxDelay = 10) { ... }",
        ["CS-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnTree((file, tree, evidence) =>
    {
        var model = evidence.ModelOf(tree);
        var findings = tree.GetRoot().DescendantNodes()
            .Where(node => IsAsyncVoid(node, model))
            .Select(node => node.GetLocation().Position())
            .Select(position => new Finding(file.Path, position.Line, position.Column, null, "async void: return a Task instead"))
            .ToList();
        return CheckOutcome.FromFindings(
            [.. findings],
            $"{file.Path} has no async void.",
            found => $"{file.Path}:{found[0].Line}: an async method returns void; return a Task so callers can await it"
                + (found.Length > 1 ? $" ({CSharpCheckAccess.Count(found.Length, "async void")} in all)." : "."));
    });

    private static bool IsAsyncVoid(SyntaxNode node, SemanticModel model) => node switch
    {
        MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword) && IsVoid(method.ReturnType),
        LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword) && IsVoid(local.ReturnType),
        AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword)
            && model.GetSymbolInfo(lambda).Symbol is IMethodSymbol { ReturnsVoid: true },
        _ => false,
    };

    private static bool IsVoid(TypeSyntax type) => type is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.VoidKeyword);
}
