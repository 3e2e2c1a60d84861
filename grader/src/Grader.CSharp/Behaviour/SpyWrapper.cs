using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grader.CSharp.Behaviour;

// The member that takes a spied method's place: same name and signature, body = GraderHarness.Spy.Call around
// the renamed original. Written on one line, appended before the class's closing brace, so no line moves.
internal static class SpyWrapper
{
    public static MemberDeclarationSyntax For(IMethodSymbol method)
    {
        var returns = method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var parameters = string.Join(", ", method.Parameters.Select(Declare));
        var arguments = string.Join(", ", method.Parameters.Select(parameter => "@" + parameter.Name));
        var original = method.Name + VirtualTimeRewriter.OriginalSuffix;
        var body = method.ReturnsVoid
            ? $"global::GraderHarness.Spy.Call<object?>(\"{method.Name}\", () => {{ {original}({arguments}); return null; }}{Trailing(arguments)});"
            : $"global::GraderHarness.Spy.Call<{returns}>(\"{method.Name}\", () => {original}({arguments}){Trailing(arguments)});";
        var text = $" public static {(method.ReturnsVoid ? "void" : returns)} {method.Name}({parameters}) {{ {(method.ReturnsVoid ? string.Empty : "return ")}{body} }}";
        return SyntaxFactory.ParseMemberDeclaration(text)!.WithoutTrailingTrivia();
    }

    private static string Trailing(string arguments) => arguments.Length == 0 ? string.Empty : ", " + arguments;

    private static string Declare(IParameterSymbol parameter)
    {
        var declaration = $"{parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)} @{parameter.Name}";
        return parameter.HasExplicitDefaultValue ? $"{declaration} = {Literal(parameter)}" : declaration;
    }

    private static string Literal(IParameterSymbol parameter) => parameter.ExplicitDefaultValue switch
    {
        null => "default",
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture) + (parameter.Type.SpecialType == SpecialType.System_Double ? "d" : string.Empty),
        var other => other.ToString() ?? "default",
    };
}
