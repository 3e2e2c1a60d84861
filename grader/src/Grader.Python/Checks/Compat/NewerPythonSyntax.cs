using Grader.Core.Checks;
using Grader.Python.Facts;
using Grader.Core.Results;
using Grader.Python.Evidence;

namespace Grader.Python.Checks.Compat;

/// <summary>PY-COMPAT-001: the file is valid Python 3.7 syntax.</summary>
internal sealed class NewerPythonSyntax : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-COMPAT-001",
        "Syntax is valid Python 3.7",
        Category.Compat,
        CheckScope.Task,
        "The file parses as Python 3.7: ast.parse(feature_version=(3, 7)), a scan for syntax that option misses "
        + "(positional-only parameters, match, except*), and, when a Python 3.7 interpreter is installed, its compiler.",
        "The assignment is run with Python 3.7: syntax added later (the walrus :=, positional-only /, match) is a SyntaxError there.",
        "Rewrite the line without the newer syntax: assign before the if instead of :=, drop the / from the parameters.",
        "if (n := len(delays)) > 0:",
        "n = len(delays)\\nif n > 0:",
        ["PY-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.Judge((file, facts) =>
    {
        var targetError = TargetCompileError(context, file.Path);
        var error = facts.Compat37Error ?? targetError;
        if (error is null)
        {
            return CheckOutcome.Pass($"{file.Path} is valid Python {context.Assignment.TargetVersion} syntax.");
        }

        var since = error.Since is null ? string.Empty : $" (this syntax needs Python {error.Since})";
        var judge = facts.Compat37Error is null && targetError is not null
            ? $"Python {context.Evidence.Python()!.Tools.Target!.Version.ToString(3)} rejects it"
            : $"it is not valid Python {context.Assignment.TargetVersion}";
        var where = CheckText.Location(file.Path, error.Line, error.Column);
        return CheckOutcome.Fail(
            $"{where}: {judge}: {error.Message}{since}.",
            [new Finding(file.Path, error.Line, error.Column, error.Since is null ? null : $"py{error.Since}", error.Message)]);
    });

    private static PythonSyntaxError? TargetCompileError(TaskCheckContext context, string file) =>
        context.Evidence.Python()?.TargetCompile?.Value?.Files.GetValueOrDefault(file)?.SyntaxError;
}
