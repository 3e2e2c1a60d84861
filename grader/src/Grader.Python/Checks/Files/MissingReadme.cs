using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Files;

/// <summary>PY-FILE-003: the project has a README.md at its root.</summary>
internal sealed class MissingReadme : IProjectCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-FILE-003",
        "README.md is present",
        Category.Files,
        CheckScope.Project,
        "A README.md file is at the root of the project folder.",
        "The assignment makes a README mandatory: it is where a reader learns what the project is.",
        "Add a README.md at the root of your project folder that says what the project does.",
        "readme.txt, or no README at all",
        "README.md at the root of 0x01-python_async_function/",
        []);

    public CheckOutcome Evaluate(ProjectCheckContext context) => FileRules.ReadmePresent(context);
}
