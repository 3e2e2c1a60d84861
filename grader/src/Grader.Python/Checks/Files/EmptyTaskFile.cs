using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Files;

/// <summary>PY-FILE-002: the task's file is not empty.</summary>
internal sealed class EmptyTaskFile : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-FILE-002",
        "Task file is not empty",
        Category.Files,
        CheckScope.Task,
        "The task's file holds more than white space (the assignment measures files with wc).",
        "An empty file is a task not handed in; the rest of the task's checks cannot say anything about it.",
        "Write the task's code in the file and save it.",
        "a 0-byte 3-tasks.py",
        "3-tasks.py with its shebang, docstrings and code",
        ["PY-FILE-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => FileRules.TaskFileNotEmpty(context);
}
