using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.Chain;

/// <summary>PY-BEH-054: 4-main.py prints the ascending list of task_wait_n(5, 6).</summary>
internal sealed class MainTaskWaitN : IProjectCheck
{
    private static readonly PrintedLine[] Lines = [PrintedLine.AscendingDelays("task_wait_n(5, 6)", 5, 6)];

    public CheckDescriptor Descriptor { get; } = MainDescriptor.Create(
        "PY-BEH-054",
        4,
        "4-main.py prints an ascending list of delays",
        "the list of task_wait_n(5, 6): 5 floats in ascending order, each between 0 and 6",
        "Run python3 4-main.py yourself: task_wait_n must collect the results of its task_wait_random tasks as they finish.",
        "[5.1, 0.4, 2.2, 3.0, 1.9]",
        "[0.4, 1.9, 2.2, 3.0, 5.1]");

    public CheckOutcome Evaluate(ProjectCheckContext context) => MainJudge.Judge(context, 4, Lines);
}
