namespace AsyncBasics;

/// <summary>Task 0: the basics of async and await.</summary>
public static class BasicAsyncSyntax
{
    /// <summary>Waits a random delay of up to the given number of seconds and returns it.</summary>
    /// <param name="maxDelay">The longest delay to wait, in seconds.</param>
    /// <returns>The delay that was waited, in seconds.</returns>
    public static Task<double> WaitRandom(int maxDelay = 10)
    {
        // Draw the delay from Random.Shared, wait it with await Task.Delay, return it.
        throw new NotImplementedException();
    }
}
