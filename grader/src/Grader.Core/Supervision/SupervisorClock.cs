using System.Diagnostics;

namespace Grader.Core.Supervision;

/// <summary>
/// The one clock of a supervised run. Virtual: seconds that pass only when the child says it is idle or blocks,
/// never backwards. Real (a cross-check of the virtual verdicts): elapsed real time divided by the scale, in the same
/// units, as the child reads it with each request, within what this clock allows, so that the time a request spends
/// in the pipe on a loaded machine does not count as the student's. Waits that would pass the deadline of the scenario are refused
/// (virtual time then stops at the deadline).
/// </summary>
internal sealed class SupervisorClock(bool isVirtual, double scale)
{
    private readonly Stopwatch stopwatch = Stopwatch.StartNew();
    private double virtualNow;
    private double realNow;

    public bool IsVirtual => isVirtual;

    public double Now => isVirtual ? virtualNow : realNow;

    /// <summary>
    /// Real clock: the time of the request being handled, the child's own reading. It is taken only between the last
    /// time taken and this clock's own reading (the child starts after the supervisor, so an honest reading is never
    /// ahead of it); a request without one leaves the time as it was.
    /// </summary>
    public void Heard(double? claimed)
    {
        if (isVirtual || claimed is not { } reading || !double.IsFinite(reading))
        {
            return;
        }

        realNow = Math.Clamp(reading, realNow, Math.Max(realNow, stopwatch.Elapsed.TotalSeconds / scale));
    }

    public double Deadline { get; set; } = double.PositiveInfinity;

    /// <summary>
    /// A task begins: virtual time starts again at 0, as it would in a process of its own, so that the tasks a child
    /// runs one after the other see the same times, to the last bit of a float, as each alone. (No scenario is open
    /// then, and the child makes a new clock for each task.) Real time goes on.
    /// </summary>
    public void BeginTask()
    {
        if (isVirtual)
        {
            virtualNow = 0;
        }

        Deadline = double.PositiveInfinity;
    }

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
