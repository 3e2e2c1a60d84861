using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.Chain;

/// <summary>PY-BEH-050: 0-main.py prints the delays of wait_random(), wait_random(5) and wait_random(15).</summary>
internal sealed class MainWaitRandom : IProjectCheck
{
    private static readonly PrintedLine[] Lines =
        [PrintedLine.Delay("wait_random()", 10), PrintedLine.Delay("wait_random(5)", 5), PrintedLine.Delay("wait_random(15)", 15)];

    public CheckDescriptor Descriptor { get; } = MainDescriptor.Create(
        "PY-BEH-050",
        0,
        "0-main.py prints three delays in range",
        "three floats, the delays of wait_random(), wait_random(5) and wait_random(15), each between 0 and its max_delay",
        "Run python3 0-main.py yourself: wait_random must return the float delay it waited, with max_delay defaulting to 10.",
        "print(asyncio.run(wait_random()))  # prints 7: an int",
        "print(asyncio.run(wait_random()))  # prints 9.034261504534394");

    public CheckOutcome Evaluate(ProjectCheckContext context) => MainJudge.Judge(context, 0, Lines);
}
