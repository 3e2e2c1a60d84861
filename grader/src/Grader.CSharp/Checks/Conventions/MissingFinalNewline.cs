using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.CSharp.Checks.Conventions;

/// <summary>CS-CONV-001: the file ends with a newline.</summary>
internal sealed class MissingFinalNewline : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-CONV-001",
        "File ends with a newline",
        Category.Conventions,
        CheckScope.Task,
        "The last byte of the file is a newline character.",
        "dotnet format (insert_final_newline) and POSIX tools expect one; diffs show a missing one as a change.",
        "Put the cursor at the end of the last line and press Enter, then save (most editors have a setting for this).",
        "}<EOF>",
        "}\\n<EOF>",
        ["CS-FILE-002"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnFile(FileRules.EndsWithNewline);
}
