using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Annotations;

/// <summary>PY-ANN-002: every function and coroutine annotates its return type.</summary>
internal sealed class MissingReturnAnnotation : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-ANN-002",
        "Return types are annotated",
        Category.Annotations,
        CheckScope.Task,
        "Every def and async def, nested ones and methods included, has a '-> type' return annotation.",
        "The assignment requires annotated returns: wait_random returns a float, wait_n a List[float], and saying so documents the contract.",
        "Add '-> <type>' before the colon of each definition listed below ('-> None' when it returns nothing).",
        "async def wait_random(max_delay: int = 10):",
        "async def wait_random(max_delay: int = 10) -> float:",
        ["PY-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.Judge((file, facts) =>
    {
        ImmutableArray<Finding> findings =
        [
            .. facts.Defs
                .Where(definition => !definition.IsClass && !definition.ReturnsAnnotated)
                .Select(definition => new Finding(file.Path, definition.Line, definition.Column, null, $"{definition.Describe()} has no return annotation")),
        ];
        return CheckOutcome.FromFindings(
            findings,
            $"Every function in {file.Path} annotates its return type.",
            found => $"{CheckText.Location(file.Path, found[0].Line)}: {found[0].Message}: add '-> <type>'"
                + (found.Length > 1 ? $" ({CheckText.Count(found.Length - 1, "more function")} below)." : "."));
    });
}
