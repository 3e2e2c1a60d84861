using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Files;

/// <summary>PY-FILE-001: the task's file exists at the project root.</summary>
internal sealed class MissingTaskFile : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-FILE-001",
        "Task file is present",
        Category.Files,
        CheckScope.Task,
        "The task's file, with exactly the name the assignment gives, is at the root of the project folder.",
        "The checker imports each task by its file name; a file with another name or in a subfolder is never found.",
        "Create the file at the root of your project folder with the exact name, digits and dashes included.",
        "0-basic-async-syntax.py (dashes instead of underscores), or src/0-basic_async_syntax.py",
        "0-basic_async_syntax.py at the root of 0x01-python_async_function/",
        []);

    public CheckOutcome Evaluate(TaskCheckContext context) => FileRules.TaskFilePresent(context);
}
