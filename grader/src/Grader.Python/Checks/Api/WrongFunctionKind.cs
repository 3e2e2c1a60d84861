using System.Collections.Immutable;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Api;

/// <summary>PY-API-002: each required function is a coroutine (async def) or a regular def, as the task says.</summary>
internal sealed class WrongFunctionKind : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-API-002",
        "Functions are async or regular as required",
        Category.Api,
        CheckScope.Task,
        "wait_random, wait_n and task_wait_n are coroutines (async def); measure_time and task_wait_random are regular functions (def).",
        "Callers depend on it: task_wait_random must return a Task synchronously, so an async def would hand back a coroutine "
        + "instead; measure_time runs its own event loop, which an async def cannot do.",
        "Write 'async def' for the coroutines and a plain 'def' for measure_time and task_wait_random.",
        "async def task_wait_random(max_delay: int) -> asyncio.Task:",
        "def task_wait_random(max_delay: int) -> asyncio.Task:",
        ["PY-API-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.Judge((file, facts) =>
    {
        ImmutableArray<Finding> findings =
        [
            .. RequiredFunctions.Present(facts, context.Task)
                .Where(pair => pair.Found.IsCoroutine != (pair.Required.Kind == FunctionKind.Coroutine))
                .Select(pair => new Finding(
                    file.Path,
                    pair.Found.Line,
                    pair.Found.Column,
                    null,
                    pair.Required.Kind == FunctionKind.Coroutine
                        ? $"{pair.Required.Name} must be a coroutine ('async def'), but it is a regular 'def'"
                        : $"{pair.Required.Name} must be a regular function ('def'), but it is an 'async def'")),
        ];
        return CheckOutcome.FromFindings(
            findings,
            $"The functions of {file.Path} are async or regular as required.",
            found => $"{CheckText.Location(file.Path, found[0].Line)}: {found[0].Message}.");
    });
}
