using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Conventions;

/// <summary>PY-CONV-002: the file ends with a newline.</summary>
internal sealed class MissingFinalNewline : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-CONV-002",
        "File ends with a newline",
        Category.Conventions,
        CheckScope.Task,
        "The last byte of the file is a newline character.",
        "POSIX tools (wc, cat, diff) treat a last line without newline as incomplete; the assignment requires one.",
        "Put the cursor at the end of the last line and press Enter, then save (most editors have a setting for this).",
        "    return delay<EOF>",
        "    return delay\\n<EOF>",
        ["PY-FILE-002"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnFile(FileRules.EndsWithNewline);
}
