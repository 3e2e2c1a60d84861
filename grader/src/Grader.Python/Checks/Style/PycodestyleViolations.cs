using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Style;

/// <summary>PY-STYLE-001: pycodestyle (2.5 profile) reports nothing for the task file.</summary>
internal sealed class PycodestyleViolations : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-STYLE-001",
        "Follows pycodestyle",
        Category.Style,
        CheckScope.Task,
        "The real pycodestyle, with its default options and the grader's 2.5 profile (what pycodestyle 2.5.x, the "
        + "assignment's version, would report), finds nothing in the task file. '# noqa' comments do not silence it.",
        "A shared style makes code readable by everyone on a team; the assignment grades it with pycodestyle 2.5.",
        "Run 'pycodestyle <file>' and fix each reported line: spaces around operators, two blank lines before top-level defs, lines of at most 79 characters.",
        "def wait_n(n: int, max_delay: int)->List[float]:\\n    x=1",
        "def wait_n(n: int, max_delay: int) -> List[float]:\\n    x = 1",
        ["PY-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        context.OnFile(file => StyleVerdict.For(context.Evidence, [file.Path], file.Path));
}
