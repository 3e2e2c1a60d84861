using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Files;

/// <summary>PY-FILE-004: the README is not empty.</summary>
internal sealed class EmptyReadme : IProjectCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-FILE-004",
        "README.md is not empty",
        Category.Files,
        CheckScope.Project,
        "README.md holds more than white space.",
        "An empty README tells a reader nothing; the assignment measures files with wc.",
        "Write a few lines in README.md: the project's name and what each task does.",
        "a 0-byte README.md",
        "# 0x01. Python - Async\\nTasks: 0-basic_async_syntax.py waits a random delay...",
        ["PY-FILE-003"]);

    public CheckOutcome Evaluate(ProjectCheckContext context) => FileRules.ReadmeNotEmpty(context);
}
