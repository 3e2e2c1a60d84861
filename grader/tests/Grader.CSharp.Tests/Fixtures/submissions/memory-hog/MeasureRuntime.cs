using System.Diagnostics;

namespace AsyncBasics;

/// <summary>Task 2: measures how long the concurrent waits take.</summary>
public static class MeasureRuntime
{
    /// <summary>Times one run of WaitN and returns the time it took divided by n.</summary>
    /// <param name="n">How many waits WaitN starts.</param>
    /// <param name="maxDelay">The longest delay of each wait, in seconds.</param>
    /// <returns>The total run time in seconds, divided by n.</returns>
    public static double MeasureTime(int n, int maxDelay)
    {
        var stopwatch = Stopwatch.StartNew();
        ConcurrentCoroutines.WaitN(n, maxDelay).GetAwaiter().GetResult();
        return stopwatch.Elapsed.TotalSeconds / n;
    }
}
