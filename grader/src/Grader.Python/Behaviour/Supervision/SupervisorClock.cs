using System.Diagnostics;

namespace Grader.Python.Behaviour.Supervision;

/// <summary>
/// The one clock of a supervised probe run. Virtual: seconds that pass only when the probe says it is idle or blocks,
/// never backwards. Real: the run's elapsed real time divided by the scale, in the same units. Waits that would pass
/// the deadline of the scenario are refused (virtual time then stops at the deadline).
/// </summary>
internal sealed class SupervisorClock(bool isVirtual, double scale)
{
    private readonly Stopwatch stopwatch = Stopwatch.StartNew();
    private double virtualNow;

    public bool IsVirtual => isVirtual;

    public double Now => isVirtual ? virtualNow : stopwatch.Elapsed.TotalSeconds / scale;

    public double Deadline { get; set; } = double.PositiveInfinity;

    /// <summary>Lets <paramref name="seconds"/> pass (virtual time moves on at once); false when that would pass the deadline.</summary>
    public bool Wait(double seconds)
    {
        if (Now + seconds > Deadline)
        {
            if (isVirtual)
            {
                virtualNow = Math.Max(virtualNow, Deadline);
            }

            return false;
        }

        if (isVirtual && seconds > 0)
        {
            virtualNow += seconds;
        }

        return true;
    }
}
