namespace AsyncBasics;

/// <summary>Task 1: runs several waits at the same time.</summary>
public static class ConcurrentCoroutines
{
    /// <summary>Runs WaitRandom n times concurrently and returns the delays in the order they finish.</summary>
    /// <param name="n">How many waits to start.</param>
    /// <param name="maxDelay">The longest delay of each wait, in seconds.</param>
    /// <returns>The delays, ascending because the shortest wait finishes first.</returns>
    public static Task<List<double>> WaitN(int n, int maxDelay)
    {
        // Start every WaitRandom first, then collect the delays in the order they finish (Task.WhenEach); never sort.
        throw new NotImplementedException();
    }
}
