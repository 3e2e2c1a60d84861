using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Syntax;

/// <summary>PY-SYN-001: the file compiles as Python 3 (version questions are PY-COMPAT-001's).</summary>
internal sealed class SyntaxErrorInFile : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-SYN-001",
        "File compiles",
        Category.Syntax,
        CheckScope.Task,
        "Python's compiler accepts the file (checked with the analysis interpreter, Python 3.8 or newer; "
        + "whether Python 3.7 accepts it is PY-COMPAT-001).",
        "A file that does not compile cannot be imported: every test of the task fails, and so does every task that imports it.",
        "Read the line and column below, fix the syntax there (often the line before it), and run python3 -m py_compile <file>.",
        "from 0_basic_async_syntax import wait_random   # a module name cannot start with a digit",
        "wait_random = __import__('0-basic_async_syntax').wait_random",
        ["PY-FILE-002"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.Judge((file, facts) =>
    {
        if (facts.SyntaxError is not { } error)
        {
            return CheckOutcome.Pass($"{file.Path} compiles.");
        }

        var where = CheckText.Location(file.Path, error.Line, error.Column);
        var source = string.IsNullOrWhiteSpace(error.Text) ? string.Empty : $" In: {error.Text.Trim()}";
        return CheckOutcome.Fail(
            $"{where}: Python cannot compile this file: {error.Message}.{source}",
            [new Finding(file.Path, error.Line, error.Column, "SyntaxError", error.Message)]);
    });
}
