using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Compat;

/// <summary>PY-COMPAT-002: the file uses no standard-library or builtin API that Python 3.7 lacks.</summary>
internal sealed class NewerStandardLibraryApi : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-COMPAT-002",
        "Uses only Python 3.7 APIs",
        Category.Compat,
        CheckScope.Task,
        "The file calls no standard-library or builtin API added after Python 3.7 (asyncio.TaskGroup, asyncio.to_thread, "
        + "asyncio.timeout, str.removeprefix, math.dist, ...), and evaluates no builtin generic such as list[float] at run time.",
        "Under Python 3.7 such code raises AttributeError, ImportError or TypeError the moment it runs, even though it looks fine on a newer Python.",
        "Use the 3.7 equivalent: asyncio.gather or create_task instead of TaskGroup, typing.List[float] instead of list[float] "
        + "(or add 'from __future__ import annotations' when it is only an annotation).",
        "async def wait_n(n: int, max_delay: int) -> list[float]:",
        "async def wait_n(n: int, max_delay: int) -> List[float]:",
        ["PY-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.Judge((file, facts) =>
    {
        ImmutableArray<Finding> findings =
        [
            .. facts.CompatApi
                .OrderBy(use => use.Line).ThenBy(use => use.Column)
                .Select(use => new Finding(file.Path, use.Line, use.Column, $"py{use.Since}", $"{use.Name} needs Python {use.Since}: {use.Detail}")),
        ];
        var target = context.Assignment.TargetVersion;
        return CheckOutcome.FromFindings(
            findings,
            $"{file.Path} uses only APIs that Python {target} has.",
            found => $"{CheckText.Location(file.Path, found[0].Line)}: {found[0].Message}"
                + (found.Length > 1 ? $" ({CheckText.Count(found.Length - 1, "more use")} of APIs newer than Python {target} below.)" : string.Empty));
    });
}
