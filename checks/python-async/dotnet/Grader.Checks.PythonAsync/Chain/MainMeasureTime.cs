using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.Chain;

/// <summary>
/// PY-BEH-052: 2-main.py prints measure_time(5, 9): at most 9 / 5, and the time the run took on the grader's clock
/// divided by 5 (the clock is the grader's, so the printed number is checked against it).
/// </summary>
internal sealed class MainMeasureTime : IProjectCheck
{
    private const int N = 5;
    private const double MaxDelay = 9;

    // A clock's wake-ups come a little late, so the measured time may pass 9 s by a little.
    private static readonly PrintedLine[] Lines = [PrintedLine.Delay("measure_time(5, 9)", MaxDelay / N, measured: true)];

    public CheckDescriptor Descriptor { get; } = MainDescriptor.Create(
        "PY-BEH-052",
        2,
        "2-main.py prints the average time of wait_n(5, 9)",
        "one float, measure_time(5, 9): the time wait_n(5, 9) took divided by 5, so at most 9 / 5 = 1.8",
        "Run python3 2-main.py yourself: measure_time must time asyncio.run(wait_n(n, max_delay)) and return the total divided by n.",
        "return total_time  # prints 8.7",
        "return total_time / n  # prints 1.74");

    public CheckOutcome Evaluate(ProjectCheckContext context) => MainJudge.Judge(context, 2, Lines, (observation, tolerance) =>
    {
        var printed = observation.String("printed") is { } text && PrintedLine.TryFloat(text, out var value) ? value : (double?)null;
        var took = observation.VirtualElapsed;
        return printed is { } average && took is { } elapsed && !tolerance.Same(elapsed / N, average)
            ? $"the run took {Observation.Format(elapsed)} s on the grader's clock, so the average over {N} is {Observation.Format(elapsed / N)}, not {Observation.Format(average)}"
            : null;
    });
}
