using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.CSharp.Checks.Files;

/// <summary>CS-FILE-002: the task's file is not empty.</summary>
internal sealed class EmptyTaskFile : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-FILE-002",
        "Task file is not empty",
        Category.Files,
        CheckScope.Task,
        "The task's file holds more than whitespace.",
        "An empty file defines nothing, so nothing of the task can be compiled or run.",
        "Write the task's class and method in the file.",
        "an empty BasicAsyncSyntax.cs",
        "namespace AsyncBasics;\\n\\n/// <summary>Task 0: the basics of async and await.</summary>\\npublic static class BasicAsyncSyntax { ... }",
        ["CS-FILE-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => FileRules.TaskFileNotEmpty(context);
}
