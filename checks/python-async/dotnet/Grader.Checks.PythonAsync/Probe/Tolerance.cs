using Grader.Core.Engine;

namespace Grader.Checks.PythonAsync.Probe;

/// <summary>
/// How close two times must be. In virtual time the clock is exact, so the margin only absorbs float
/// rounding; with the real clock the margin absorbs scheduling noise of a loaded machine.
/// </summary>
/// <param name="Stall">How long the loop may stand still beyond the expected gap before it counts as blocked.</param>
/// <param name="Tie">Two calls that finish closer than this finished together (their order is free).</param>
/// <param name="ClockName">How messages name the clock the times were read on.</param>
/// <param name="RealClock">The times are scaled real time (--clock real), with a loaded machine's noise in them.</param>
internal sealed record Tolerance(double Absolute, double Relative, double Stall, double Tie, string ClockName, bool RealClock = false)
{
    // Real mode runs at 0.05 real seconds per grader second: a 4 s stall allowance is 0.2 s of real scheduling delay.
    // On a loaded machine a wait can overrun by more than that: the probe measures the scenario's worst overrun
    // (lateness), and the margins grow by twice it (a call can be woken late at its start and at its end).
    public static Tolerance For(ClockMode clock, double lateness = 0) => clock == ClockMode.Virtual
        ? new(0.01, 0.001, 0.01, 1e-6, "virtual time")
        : new(0.6 + (2 * lateness), 0.15, 4.0 + (2 * lateness), 0.1, "scaled real time", RealClock: true);

    /// <summary>
    /// Whether a call that took <paramref name="duration"/> and returned the delay <paramref name="returned"/> really
    /// waited. On the virtual clock a call that did not wait takes no time at all. On the real clock a loaded machine
    /// can stretch a call that returned at once (asyncio.sleep patched away) by a few milliseconds, so there a call must
    /// also have taken at least half the delay it returned.
    /// </summary>
    public bool Waited(double duration, double returned) =>
        duration > Tie && (!RealClock || duration >= returned / 2);

    public bool Same(double expected, double actual) => Math.Abs(expected - actual) <= Absolute + (Relative * Math.Abs(expected));

    /// <summary>The same number but for a float's rounding: what the grader handed out, told apart from a time measured around a late wake-up.</summary>
    public static bool Identical(double expected, double actual) => Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected));

    public bool AtMost(double limit, double actual) => actual <= limit + Absolute + (Relative * Math.Abs(limit));
}
