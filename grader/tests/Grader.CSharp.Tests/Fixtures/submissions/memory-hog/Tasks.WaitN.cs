namespace AsyncBasics;

/// <summary>Task 4: several tasks at the same time.</summary>
public static partial class Tasks
{
    /// <summary>Starts TaskWaitRandom n times and returns the delays in the order the tasks finish.</summary>
    /// <param name="n">How many tasks to start.</param>
    /// <param name="maxDelay">The longest delay of each task, in seconds.</param>
    /// <returns>The delays, ascending because the shortest task finishes first.</returns>
    public static async Task<List<double>> TaskWaitN(int n, int maxDelay)
    {
        var tasks = Enumerable.Range(0, n).Select(_ => TaskWaitRandom(maxDelay)).ToList();
        var delays = new List<double>(n);
        await foreach (var finished in Task.WhenEach(tasks))
        {
            delays.Add(await finished);
        }

        return delays;
    }
}
