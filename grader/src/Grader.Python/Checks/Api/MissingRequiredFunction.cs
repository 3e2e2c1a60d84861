using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Api;

/// <summary>PY-API-001: the functions the task asks for are defined at module level.</summary>
internal sealed class MissingRequiredFunction : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-API-001",
        "Required functions are defined",
        Category.Api,
        CheckScope.Task,
        "Each function the task names (wait_random, wait_n, measure_time, task_wait_random, task_wait_n) is defined "
        + "at the top level of the task's file, with exactly that name.",
        "The checker and the other tasks import the function by name: a typo or a function nested in another one is not found.",
        "Define the function at the top level of the file (not inside another function or class) with the exact name.",
        "async def wait_rand(max_delay: int = 10) -> float:",
        "async def wait_random(max_delay: int = 10) -> float:",
        ["PY-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.Judge((file, facts) =>
    {
        var topLevel = facts.Defs.Where(definition => definition.Depth == 0 && !definition.IsClass).Select(definition => definition.Name).ToList();
        var found = topLevel.Count == 0 ? "it defines no top-level function" : $"its top-level functions are: {string.Join(", ", topLevel)}";
        ImmutableArray<Finding> findings =
        [
            .. context.Task.Functions
                .Where(required => RequiredFunctions.Find(facts, required) is null)
                .Select(required => new Finding(file.Path, null, null, null, $"{required.Name} is not defined at the top level; {found}")),
        ];
        return CheckOutcome.FromFindings(
            findings,
            $"{file.Path} defines {string.Join(", ", context.Task.Functions.Select(function => function.Name))}.",
            missing => $"{file.Path}: {missing[0].Message}. Expected: {context.Task.Functions[0].Signature}.");
    });
}
