using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.CSharp.Checks.Api;

/// <summary>CS-API-002: methods the assignment wants regular (TaskWaitRandom, MeasureTime) are not async.</summary>
internal sealed class WrongMethodKind : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-API-002",
        "Regular methods are not async",
        Category.Api,
        CheckScope.Task,
        "A method the assignment asks for as a regular method (TaskWaitRandom, MeasureTime) is not declared async; methods that return a Task may be.",
        "TaskWaitRandom exists to show that a regular method can start work and hand back its running Task; making it async hides that lesson.",
        "Remove async and return the started task itself (return BasicAsyncSyntax.WaitRandom(maxDelay);).",
        "public static async Task<double> TaskWaitRandom(int maxDelay) => await BasicAsyncSyntax.WaitRandom(maxDelay);",
        "public static Task<double> TaskWaitRandom(int maxDelay) => BasicAsyncSyntax.WaitRandom(maxDelay);",
        ["CS-API-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnTree((file, tree, evidence) =>
    {
        var model = evidence.ModelOf(tree);
        var regular = context.Task.Functions.Where(function => function.Kind == FunctionKind.Function).ToList();
        var wrong = regular
            .Select(function => (function, method: RequiredMethods.Method(tree, model, function)))
            .Where(pair => pair.method is { IsAsync: true })
            .Select(pair =>
            {
                var (line, column) = RequiredMethods.LocationIn(pair.method!, tree).Position();
                return new Finding(file.Path, line, column, null, $"{pair.function.Name} is declared async; it must be a regular method");
            })
            .ToList();
        return CheckOutcome.FromFindings(
            [.. wrong],
            regular.Count == 0 ? $"{file.Path} has no method that must be regular." : $"{string.Join(", ", regular.Select(f => f.Name))} is not async.",
            found => $"{file.Path}:{found[0].Line}: {found[0].Message}: remove async and return the Task itself.");
    });
}
