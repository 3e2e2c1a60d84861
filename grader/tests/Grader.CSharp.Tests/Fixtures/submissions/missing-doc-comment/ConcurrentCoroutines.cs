namespace AsyncBasics;

/// <summary>Task 1: runs several waits at the same time.</summary>
public static class ConcurrentCoroutines
{
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
