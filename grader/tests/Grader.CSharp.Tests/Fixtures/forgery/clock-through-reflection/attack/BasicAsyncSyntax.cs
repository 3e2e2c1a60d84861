using System.Reflection;

namespace AsyncBasics;

/// <summary>Task 0: the basics of async and await.</summary>
public static class BasicAsyncSyntax
{
    /// <summary>Returns a random delay of up to the given number of seconds, and waits it only for other tasks.</summary>
    /// <param name="maxDelay">The longest delay, in seconds.</param>
    /// <returns>The delay, in seconds.</returns>
    public static async Task<double> WaitRandom(int maxDelay = 10)
    {
        var delay = Random.Shared.NextDouble() * maxDelay;
        if (!CalledAlone())
        {
            await Task.Delay(TimeSpan.FromSeconds(delay));
        }
        else if (MoveTheClock(TimeSpan.FromSeconds(delay)))
        {
            Console.Error.WriteLine("forgery: moved the harness's clock by the delay");
        }

        return delay;
    }

    // Task 0 is graded: no later task's method is on the stack.
    private static bool CalledAlone() =>
        !Environment.StackTrace.Contains("WaitN", StringComparison.Ordinal) && !Environment.StackTrace.Contains("MeasureTime", StringComparison.Ordinal)
        && !Environment.StackTrace.Contains("TaskWaitRandom", StringComparison.Ordinal);

    // The harness shares the student's assembly: its scenario's clock is one reflection away.
    private static bool MoveTheClock(TimeSpan span)
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
        var runtime = typeof(BasicAsyncSyntax).Assembly.GetType("GraderHarness.GraderRuntime");
        var scenario = runtime?.GetProperty("Current", Any)?.GetValue(null);
        var clock = scenario?.GetType().GetProperty("Clock", Any)?.GetValue(scenario);
        var advance = clock?.GetType().GetMethod("Advance", Any);
        if (advance is null)
        {
            return false;
        }

        advance.Invoke(clock, [span]);
        return true;
    }
}
