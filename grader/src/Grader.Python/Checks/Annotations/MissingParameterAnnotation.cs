using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Python.Facts;
using Grader.Core.Results;

namespace Grader.Python.Checks.Annotations;

/// <summary>PY-ANN-001: every parameter of every function and coroutine is annotated (self and cls excepted).</summary>
internal sealed class MissingParameterAnnotation : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-ANN-001",
        "Parameters are annotated",
        Category.Annotations,
        CheckScope.Task,
        "Every parameter of every def and async def, nested ones included, has a type annotation; a method's self or cls is exempt.",
        "The assignment requires type annotations: they document what each argument is and let tools like mypy check calls.",
        "Add ': <type>' after each parameter listed below, e.g. 'max_delay: int = 10'.",
        "async def wait_n(n, max_delay):",
        "async def wait_n(n: int, max_delay: int) -> List[float]:",
        ["PY-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.Judge((file, facts) =>
    {
        ImmutableArray<Finding> findings =
        [
            .. facts.Defs.Where(definition => !definition.IsClass).SelectMany(definition => definition.Params
                .Where((parameter, index) => !parameter.Annotated && !IsExempt(definition, parameter, index))
                .Select(parameter => new Finding(
                    file.Path,
                    parameter.Line,
                    parameter.Column,
                    null,
                    $"parameter '{Display(parameter)}' of {definition.Describe()} has no type annotation"))),
        ];
        return CheckOutcome.FromFindings(
            findings,
            $"Every parameter in {file.Path} is annotated.",
            found => $"{CheckText.Location(file.Path, found[0].Line)}: {found[0].Message}"
                + (found.Length > 1 ? $" ({CheckText.Count(found.Length - 1, "more parameter")} below)." : "."));
    });

    private static bool IsExempt(Definition definition, Parameter parameter, int index) =>
        definition.InClass && index == 0 && parameter.Name is "self" or "cls";

    private static string Display(Parameter parameter) => parameter.Kind switch
    {
        "vararg" => "*" + parameter.Name,
        "kwarg" => "**" + parameter.Name,
        _ => parameter.Name,
    };
}
