namespace AsyncBasics;

/// <summary>Task 1: runs several waits at the same time.</summary>
public static class ConcurrentCoroutines
{
    /// <summary>Runs WaitRandom n times concurrently and returns the delays in the order they finish.</summary>
    /// <param name="n">How many waits to start.</param>
    /// <param name="maxDelay">The longest delay of each wait, in seconds.</param>
    /// <returns>The delays, ascending because the shortest wait finishes first.</returns>
    public static async Task<List<double>> WaitN(int n, int maxDelay)
    {
        var waits = Enumerable.Range(0, n).Select(_ => BasicAsyncSyntax.WaitRandom(maxDelay)).ToList();
        var delays = new List<double>(n);
        await foreach (var finished in Task.WhenEach(waits))
        {
            delays.Add(await finished);
        }

        return delays;
    }
}
