using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.CSharp.Checks.Files;

/// <summary>CS-FILE-001: the task's file exists at the project root.</summary>
internal sealed class MissingTaskFile : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-FILE-001",
        "Task file is present",
        Category.Files,
        CheckScope.Task,
        "The task's file, with exactly the name the assignment gives, is at the root of the project folder.",
        "Each task is graded from its own file; a class in a file with another name or in a subfolder is not found.",
        "Create the file at the root of your project folder with the exact name (the class name plus .cs).",
        "Basic.cs, or src/BasicAsyncSyntax.cs",
        "BasicAsyncSyntax.cs next to the .csproj",
        []);

    public CheckOutcome Evaluate(TaskCheckContext context) => FileRules.TaskFilePresent(context);
}
