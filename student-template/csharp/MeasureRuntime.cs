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
        // Time one run of WaitN with a Stopwatch and return the elapsed seconds divided by n.
        throw new NotImplementedException();
    }
}
