using Grader.Core.Assignment;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grader.CSharp.Checks.Api;

// Finds a task's required methods ("Class.Method" in assignment.json) among the declarations of its own file.
internal static class RequiredMethods
{
    public static (string Class, string Method) Split(FunctionSpec function)
    {
        var dot = function.Name.LastIndexOf('.');
        return dot < 0 ? (string.Empty, function.Name) : (function.Name[..dot], function.Name[(dot + 1)..]);
    }

    /// <summary>The class declared in the file under the required name, or null.</summary>
    public static INamedTypeSymbol? Class(SyntaxTree tree, SemanticModel model, FunctionSpec function)
    {
        var (name, _) = Split(function);
        return tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()
            .Where(type => type.Identifier.ValueText == name)
            .Select(type => model.GetDeclaredSymbol(type))
            .OfType<INamedTypeSymbol>()
            .FirstOrDefault();
    }

    /// <summary>The method of the required name declared in this file (overloads: the first), or null.</summary>
    public static IMethodSymbol? Method(SyntaxTree tree, SemanticModel model, FunctionSpec function)
    {
        var (_, method) = Split(function);
        return Class(tree, model, function)?.GetMembers(method).OfType<IMethodSymbol>()
            .FirstOrDefault(symbol => symbol.DeclaringSyntaxReferences.Any(reference => reference.SyntaxTree == tree));
    }

    public static Location LocationIn(ISymbol symbol, SyntaxTree tree) =>
        symbol.Locations.FirstOrDefault(location => location.SourceTree == tree) ?? Location.None;
}
