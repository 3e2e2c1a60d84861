using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Conventions;

/// <summary>PY-CONV-003: the file has its executable bit set (waivable for uploads that lose file modes).</summary>
internal sealed class NotExecutable : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-CONV-003",
        "File is executable",
        Category.Conventions,
        CheckScope.Task,
        "The owner's executable bit is set on the file.",
        "The assignment runs each file as a program (./0-main.py); without the bit the shell refuses with 'Permission denied'.",
        "Run: chmod u+x <file>, then commit (git keeps the bit). If your upload route loses file modes, ask for --waive-exec-bit.",
        "-rw-r--r-- 0-basic_async_syntax.py",
        "-rwxr-xr-x 0-basic_async_syntax.py",
        ["PY-FILE-002"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnFile(file =>
    {
        if (context.Options.WaiveExecutableBit)
        {
            return CheckOutcome.Skipped("Not checked: the executable bit is waived (--waive-exec-bit).", SkipKind.Waived);
        }

        return file.IsExecutable
            ? CheckOutcome.Pass($"{file.Path} is executable.")
            : CheckOutcome.Fail(
                $"{file.Path} is not executable: run 'chmod u+x {file.Path}'.",
                [new Finding(file.Path, null, null, null, "executable bit not set")]);
    });
}
