using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Python.Facts;
using Grader.Core.Results;

namespace Grader.Python.Checks.Api;

/// <summary>PY-API-003: each required function takes exactly the required parameters, in order, with the required defaults.</summary>
internal sealed class WrongParameters : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-API-003",
        "Functions take the required parameters",
        Category.Api,
        CheckScope.Task,
        "Each required function's parameters have the assignment's names, in its order, and the defaults it names "
        + "(wait_random's max_delay defaults to 10).",
        "Callers pass arguments by position and by name (wait_random() relies on the default): another order or name breaks them.",
        "Make the signature match the one in the message exactly.",
        "async def wait_n(max_delay: int, n: int) -> List[float]:",
        "async def wait_n(n: int, max_delay: int) -> List[float]:",
        ["PY-API-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.Judge((file, facts) =>
    {
        ImmutableArray<Finding> findings =
        [
            .. RequiredFunctions.Present(facts, context.Task)
                .Select(pair => (pair.Found, Problem: Compare(pair.Required, pair.Found)))
                .Where(pair => pair.Problem is not null)
                .Select(pair => new Finding(file.Path, pair.Found.Line, pair.Found.Column, null, pair.Problem!)),
        ];
        return CheckOutcome.FromFindings(
            findings,
            $"The functions of {file.Path} take the required parameters.",
            found => $"{CheckText.Location(file.Path, found[0].Line)}: {found[0].Message}.");
    });

    private static string? Compare(FunctionSpec required, Definition found)
    {
        var actual = found.Params.Select(parameter => parameter.Kind switch
        {
            "vararg" => "*" + parameter.Name,
            "kwarg" => "**" + parameter.Name,
            _ => parameter.Name,
        }).ToList();
        var expected = required.Parameters.Select(parameter => parameter.Name).ToList();
        if (!actual.SequenceEqual(expected, StringComparer.Ordinal))
        {
            return $"{required.Name} takes ({string.Join(", ", actual)}), but the task asks for {required.Signature}";
        }

        foreach (var (spec, parameter) in required.Parameters.Zip(found.Params))
        {
            if (spec.DefaultJson is not null && !SameDefault(spec.DefaultJson, parameter.Default))
            {
                var actualDefault = parameter.Default is null ? "no default" : $"the default {DisplayDefault(parameter.Default)}";
                return $"{required.Name}'s parameter {spec.Name} must default to {spec.DefaultJson}, but it has {actualDefault}";
            }
        }

        return null;
    }

    private static bool SameDefault(string expectedJson, ParameterDefault? actual)
    {
        if (actual?.Literal is not { } literal)
        {
            return false;
        }

        using var expected = JsonDocument.Parse(expectedJson);
        return expected.RootElement.ValueKind == JsonValueKind.Number && literal.ValueKind == JsonValueKind.Number
            ? expected.RootElement.GetDouble() == literal.GetDouble()
            : expected.RootElement.GetRawText() == literal.GetRawText();
    }

    // A module constant shows as its name and value: "the default MAX_DELAY (= 5)".
    private static string DisplayDefault(ParameterDefault value) => (value.Literal, value.Source) switch
    {
        ({ } literal, { } name) => $"{name} (= {DisplayLiteral(literal)})",
        ({ } literal, null) => DisplayLiteral(literal),
        (null, var source) => source ?? "?",
    };

    private static string DisplayLiteral(JsonElement literal) =>
        literal.ValueKind == JsonValueKind.Number ? literal.GetDouble().ToString(CultureInfo.InvariantCulture) : literal.GetRawText();
}
