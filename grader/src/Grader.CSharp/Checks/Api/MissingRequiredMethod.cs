using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;
using Microsoft.CodeAnalysis;

namespace Grader.CSharp.Checks.Api;

/// <summary>CS-API-001: the task's file declares the required public static methods in the required classes.</summary>
internal sealed class MissingRequiredMethod : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-API-001",
        "Required method is defined",
        Category.Api,
        CheckScope.Task,
        "The task's file declares the required class (any namespace) with the required method, public and static.",
        "The grader and the course's programs call the method by its class and name; a different name or an instance method is never called.",
        "Declare the method with exactly the name and class the assignment gives, as public static.",
        "public class Basic { public async Task<double> waitRandom(int maxDelay = 10) ... }",
        "public static class BasicAsyncSyntax { public static async Task<double> WaitRandom(int maxDelay = 10) ... }",
        ["CS-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnTree((file, tree, evidence) =>
    {
        var model = evidence.ModelOf(tree);
        ImmutableArray<Finding> findings =
        [
            .. context.Task.Functions.Select(function => Problem(function, RequiredMethods.Class(tree, model, function), RequiredMethods.Method(tree, model, function)))
                .OfType<string>()
                .Select(problem => new Finding(file.Path, null, null, null, problem)),
        ];
        return CheckOutcome.FromFindings(
            findings,
            $"{file.Path} defines {string.Join(", ", context.Task.Functions.Select(f => f.Name))}.",
            found => $"{file.Path}: {string.Join("; ", found.Select(f => f.Message))}.");
    });

    private static string? Problem(Grader.Core.Assignment.FunctionSpec function, INamedTypeSymbol? type, IMethodSymbol? method)
    {
        var (className, methodName) = RequiredMethods.Split(function);
        return (type, method) switch
        {
            (null, _) => $"no class {className} is declared in this file (it must hold {methodName})",
            (_, null) => $"class {className} declares no method {methodName} in this file",
            (_, { IsStatic: false }) => $"{function.Name} must be static",
            (_, { DeclaredAccessibility: not Accessibility.Public }) => $"{function.Name} must be public",
            _ when type.DeclaredAccessibility != Accessibility.Public => $"class {className} must be public",
            _ => null,
        };
    }
}
