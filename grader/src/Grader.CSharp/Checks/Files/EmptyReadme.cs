using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.CSharp.Checks.Files;

/// <summary>CS-FILE-004: the README is not empty.</summary>
internal sealed class EmptyReadme : IProjectCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-FILE-004",
        "README.md is not empty",
        Category.Files,
        CheckScope.Project,
        "README.md holds more than whitespace.",
        "An empty README tells a reader nothing about the project.",
        "Write a few lines: what the project is and what each file does.",
        "an empty README.md",
        "# 0x01. Async, in C#\\n\\nFive small exercises with async/await and Task.",
        ["CS-FILE-003"]);

    public CheckOutcome Evaluate(ProjectCheckContext context) => FileRules.ReadmeNotEmpty(context);
}
