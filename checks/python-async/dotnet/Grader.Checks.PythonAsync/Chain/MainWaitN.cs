using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.Chain;

/// <summary>PY-BEH-051: 1-main.py prints the ascending lists of wait_n(5, 5), wait_n(10, 7) and wait_n(10, 0).</summary>
internal sealed class MainWaitN : IProjectCheck
{
    private static readonly PrintedLine[] Lines =
    [
        PrintedLine.AscendingDelays("wait_n(5, 5)", 5, 5),
        PrintedLine.AscendingDelays("wait_n(10, 7)", 10, 7),
        PrintedLine.AscendingDelays("wait_n(10, 0)", 10, 0),
    ];

    public CheckDescriptor Descriptor { get; } = MainDescriptor.Create(
        "PY-BEH-051",
        1,
        "1-main.py prints three ascending lists of delays",
        "the lists of wait_n(5, 5), wait_n(10, 7) and wait_n(10, 0): 5, 10 and 10 floats in ascending order, each between 0 and max_delay",
        "Run python3 1-main.py yourself: wait_n must collect the delays of its wait_random calls as they finish.",
        "[3.9, 0.8, 4.4, 1.2, 2.7]",
        "[0.8, 1.2, 2.7, 3.9, 4.4]");

    public CheckOutcome Evaluate(ProjectCheckContext context) => MainJudge.Judge(context, 1, Lines);
}
