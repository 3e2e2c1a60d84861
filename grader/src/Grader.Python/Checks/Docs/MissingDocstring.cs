using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Docs;

/// <summary>PY-DOC-002: every function, coroutine, class and method has a docstring.</summary>
internal sealed class MissingDocstring : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-DOC-002",
        "Functions and classes have docstrings",
        Category.Docs,
        CheckScope.Task,
        "Every def, async def and class, nested ones and methods included, starts its body with a docstring.",
        "The assignment reads them with __doc__; a docstring says what a function does without reading its code.",
        "Add a triple-quoted sentence as the first line of the body of each definition listed below.",
        "async def wait_random(max_delay: int = 10) -> float:\\n    delay = random.uniform(0, max_delay)",
        "async def wait_random(max_delay: int = 10) -> float:\\n    \"\"\"Wait a random delay and return it.\"\"\"",
        ["PY-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.Judge((file, facts) =>
    {
        ImmutableArray<Finding> findings =
        [
            .. facts.Defs
                .Where(definition => string.IsNullOrWhiteSpace(definition.Docstring))
                .Select(definition => new Finding(file.Path, definition.Line, definition.Column, null, $"{definition.Describe()} has no docstring")),
        ];
        return CheckOutcome.FromFindings(
            findings,
            $"Every definition in {file.Path} has a docstring.",
            found => $"{CheckText.Location(file.Path, found[0].Line)}: {found[0].Message}"
                + (found.Length > 1 ? $"; {CheckText.Count(found.Length - 1, "more definition")} without docstring below." : "."));
    });
}
