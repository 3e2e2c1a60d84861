using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Results;
using Microsoft.CodeAnalysis;

namespace Grader.CSharp.Checks.Api;

/// <summary>CS-API-003: the required methods have the required parameters, defaults and return type.</summary>
internal sealed class WrongSignature : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-API-003",
        "Required signature",
        Category.Api,
        CheckScope.Task,
        "Each required method has exactly the required parameters, in order, with the required names and defaults, and returns the required type.",
        "Callers pass arguments by position and name (WaitRandom() relies on the default of 10) and use the result as the required type.",
        "Copy the signature from the assignment: names, order, defaults and return type.",
        "public static async Task<float> WaitRandom(int max)",
        "public static async Task<double> WaitRandom(int maxDelay = 10)",
        ["CS-API-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnTree((file, tree, evidence) =>
    {
        var model = evidence.ModelOf(tree);
        var findings = context.Task.Functions
            .Select(function => (function, method: RequiredMethods.Method(tree, model, function)))
            .Where(pair => pair.method is not null)
            .SelectMany(pair => Problems(pair.function, pair.method!).Select(problem =>
            {
                var (line, column) = RequiredMethods.LocationIn(pair.method!, tree).Position();
                return new Finding(file.Path, line, column, null, problem);
            }))
            .ToList();
        return CheckOutcome.FromFindings(
            [.. findings],
            $"{string.Join(", ", context.Task.Functions.Select(Display))}: the signature is as required.",
            found => $"{file.Path}:{found[0].Line}: {string.Join("; ", found.Select(f => f.Message))}; the assignment asks for {string.Join(", ", context.Task.Functions.Select(Display))}.");
    });

    private static string Display(FunctionSpec function) =>
        $"{function.Returns} {RequiredMethods.Split(function).Method}({string.Join(", ", function.Parameters.Select(p => p.DefaultJson is null ? $"int {p.Name}" : $"int {p.Name} = {p.DefaultJson}"))})";

    private static IEnumerable<string> Problems(FunctionSpec function, IMethodSymbol method)
    {
        var returns = method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (function.Returns is not null && returns != function.Returns)
        {
            yield return $"{function.Name} returns {returns}, not {function.Returns}";
        }

        var actual = method.Parameters.Select(p => $"{p.Name}{(p.HasExplicitDefaultValue ? "=" + Literal(p.ExplicitDefaultValue) : string.Empty)}");
        var expected = function.Parameters.Select(p => p.Display);
        if (!actual.SequenceEqual(expected) || method.Parameters.Any(p => p.Type.SpecialType != SpecialType.System_Int32))
        {
            yield return $"{function.Name} takes ({string.Join(", ", method.Parameters.Select(p => p.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)))})";
        }
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
