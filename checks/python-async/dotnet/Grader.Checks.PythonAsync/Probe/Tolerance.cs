using Grader.Core.Engine;

namespace Grader.Checks.PythonAsync.Probe;

/// <summary>
/// How close two times must be. In virtual time the clock is exact, so the margin only absorbs float
/// rounding; with the real clock the margin absorbs scheduling noise of a loaded machine.
/// </summary>
internal sealed record Tolerance(double Absolute, double Relative)
{
    public static Tolerance For(ClockMode clock) => clock == ClockMode.Virtual ? new(0.01, 0.001) : new(0.6, 0.15);

    public bool Same(double expected, double actual) => Math.Abs(expected - actual) <= Absolute + (Relative * Math.Abs(expected));

    public bool AtMost(double limit, double actual) => actual <= limit + Absolute + (Relative * Math.Abs(limit));
}
