namespace AsyncBasics;

/// <summary>Task 3: a wait wrapped in a task that is already running.</summary>
public static partial class Tasks
{
    /// <summary>Starts WaitRandom and returns its task without waiting for it.</summary>
    /// <param name="maxDelay">The longest delay to wait, in seconds.</param>
    /// <returns>The running task, whose result is the delay in seconds.</returns>
    public static Task<double> TaskWaitRandom(int maxDelay)
    {
        return BasicAsyncSyntax.WaitRandom(maxDelay);
    }
}
