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
        var delays = new List<double>(n);
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, n) }, async (_, _) =>
        {
            var delay = await BasicAsyncSyntax.WaitRandom(maxDelay);
            lock (delays)
            {
                delays.Add(delay);
            }
        });

        return delays;
    }
}
