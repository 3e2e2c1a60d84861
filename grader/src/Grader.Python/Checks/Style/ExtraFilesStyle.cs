using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Style;

/// <summary>PY-STYLE-002: the project's other Python files (main files, helpers) follow pycodestyle too.</summary>
internal sealed class ExtraFilesStyle : IProjectCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-STYLE-002",
        "Other Python files follow pycodestyle",
        Category.Style,
        CheckScope.Project,
        "Every .py file of the project that is not a task file (main files, helpers) passes pycodestyle with the 2.5 profile.",
        "The assignment's style rule applies to every file handed in, not only to the graded tasks.",
        "Run 'pycodestyle .' in your project folder and fix what it reports in the files listed below.",
        "helper.py:3:2: E225 missing whitespace around operator",
        "pycodestyle . prints nothing",
        []);

    public CheckOutcome Evaluate(ProjectCheckContext context)
    {
        var taskFiles = context.Assignment.Tasks.Select(task => task.File).ToHashSet(StringComparer.Ordinal);
        var others = context.Submission.PythonFiles().Select(file => file.Path).Where(path => !taskFiles.Contains(path)).ToList();
        return others.Count == 0
            ? CheckOutcome.Pass("There are no other Python files.")
            : StyleVerdict.For(context.Evidence, others, $"The other Python files ({string.Join(", ", others)})", otherFiles: true);
    }
}
