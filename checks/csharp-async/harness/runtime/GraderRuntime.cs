using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace GraderHarness;

/// <summary>
/// What the grader's rewriter points the student's code at: Task.Delay, Thread.Sleep, Random, Stopwatch,
/// DateTime.Now, Environment.TickCount, Task.Run, Parallel.ForEachAsync / ForAsync, Environment.Exit, TimeProvider.System and blocking waits on tasks
/// (.Result, .Wait(), GetAwaiter().GetResult()) all go through here, to the
/// current scenario's virtual clock and its requests to the supervisor, which plans the randomness and keeps the record. Static because the rewritten student code can
/// only reach static members; the harness sets <see cref="Current"/> before each scenario, in its own process.
/// </summary>
public static class GraderRuntime
{
    private static volatile ScenarioState? current;

    internal static ScenarioState Current
    {
        get => current ?? throw new InvalidOperationException("the grader's harness has no scenario running");
        set => current = value;
    }

    // Task.Delay
    public static Task Delay(int millisecondsDelay) => Delay(TimeSpan.FromMilliseconds(millisecondsDelay), CancellationToken.None);

    public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken) => Delay(TimeSpan.FromMilliseconds(millisecondsDelay), cancellationToken);

    public static Task Delay(TimeSpan delay) => Delay(delay, CancellationToken.None);

    public static Task Delay(TimeSpan delay, TimeProvider timeProvider) => Delay(delay, CancellationToken.None);

    public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken) => Delay(delay, cancellationToken);

    public static Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        var scenario = Current;
        var (id, after) = scenario.StartDelay(delay);
        // TimeSpan.FromSeconds rounds to milliseconds: a delay the supervisor leaves as it is keeps its own ticks.
        var actual = delay == Timeout.InfiniteTimeSpan || after is not { } seconds || seconds == delay.TotalSeconds
            ? delay
            : TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        var task = Task.Delay(actual < TimeSpan.Zero && actual != Timeout.InfiniteTimeSpan ? TimeSpan.Zero : actual, scenario.Clock, cancellationToken);
        task.ContinueWith(
            done => scenario.EndDelay(id, done.Status == TaskStatus.RanToCompletion),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }

    // Thread.Sleep: the clock jumps while nothing else runs, as a real blocking sleep would stall everything.
    public static void Sleep(int millisecondsTimeout) => Sleep(TimeSpan.FromMilliseconds(millisecondsTimeout));

    public static void Sleep(TimeSpan timeout)
    {
        var scenario = Current;
        scenario.BlockingSleep(timeout, SynchronizationContext.Current is PumpContext, StudentFrames.Where(new System.Diagnostics.StackTrace(1, fNeedFileInfo: true)));
        scenario.Clock.Advance(timeout);
    }

    // Blocking waits on a task: .Result, .Wait(), GetAwaiter().GetResult(). On an unfinished task each is recorded
    // with the student's file:line; on the pump thread (inside a continuation) the pump goes on running the other
    // work until the task completes, as the thread pool would, instead of stopping for good.
    public static TResult ResultOf<TResult>(Task<TResult> task)
    {
        Block(task, ".Result");
        return task.Result;
    }

    public static void Wait(Task task)
    {
        Block(task, ".Wait()");
        task.Wait();
    }

    public static TResult GetResult<TResult>(Task<TResult> task)
    {
        Block(task, ".GetAwaiter().GetResult()");
        return task.GetAwaiter().GetResult();
    }

    public static void GetResult(Task task)
    {
        Block(task, ".GetAwaiter().GetResult()");
        task.GetAwaiter().GetResult();
    }

    private static void Block(Task task, string kind)
    {
        if (task.IsCompleted)
        {
            return;
        }

        var scenario = Current;
        var onPump = ScenarioRunner.IsPumpThread(scenario);
        var trace = new StackTrace(1, fNeedFileInfo: true);
        scenario.BlockingWait(kind, onPump || InAsyncMethod(trace), StudentFrames.Where(trace));
        if (onPump)
        {
            ScenarioRunner.PumpUntil(scenario, task);
        }
    }

    // Some student frame on the stack is an async method (its state machine's MoveNext) or returns a task: the wait
    // blocks asynchronous work. A regular method such as MeasureTime blocking on WaitN is what the assignment asks for.
    private static bool InAsyncMethod(StackTrace trace) =>
        trace.GetFrames()
            .Where(frame => frame.GetFileName() is { } file && !file.StartsWith("<harness>", StringComparison.Ordinal))
            .Select(frame => frame.GetMethod())
            .Any(method => method?.DeclaringType?.GetInterfaces().Contains(typeof(IAsyncStateMachine)) == true
                || (method is MethodInfo info && typeof(Task).IsAssignableFrom(info.ReturnType)));

    // Random
    public static Random SharedRandom { get; } = new PlannedRandom();

    public static Random NewRandom() => new PlannedRandom();

    // Clocks
    public static TimeProvider Clock => Current.Clock;

    public static DateTime Now => Current.Clock.GetUtcNow().UtcDateTime;

    public static DateTime UtcNow => Current.Clock.GetUtcNow().UtcDateTime;

    public static DateTime Today => Current.Clock.GetUtcNow().UtcDateTime.Date;

    public static DateTimeOffset OffsetNow => Current.Clock.GetUtcNow();

    public static int TickCount => (int)TickCount64;

    public static long TickCount64 => (long)Current.Clock.GetElapsedTime(0).TotalMilliseconds;

    // Task.Run: onto the pump, so the work stays inside the scenario's single thread and virtual time.
    public static Task Run(Action action) => Run(action, CancellationToken.None);

    public static Task Run(Action action, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(action, cancellationToken, TaskCreationOptions.DenyChildAttach, Scheduler());

    public static Task<TResult> Run<TResult>(Func<TResult> function) => Run(function, CancellationToken.None);

    public static Task<TResult> Run<TResult>(Func<TResult> function, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(function, cancellationToken, TaskCreationOptions.DenyChildAttach, Scheduler());

    public static Task Run(Func<Task?> function) => Run(function, CancellationToken.None);

    public static Task Run(Func<Task?> function, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(function, cancellationToken, TaskCreationOptions.DenyChildAttach, Scheduler()).Unwrap();

    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function) => Run(function, CancellationToken.None);

    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(function, cancellationToken, TaskCreationOptions.DenyChildAttach, Scheduler()).Unwrap()!;

    // Parallel.ForEachAsync and Parallel.ForAsync: their workers run on the pump too, with the student's degree of
    // parallelism (by default the processor count, which the grader fixes for the child), so bounded concurrency
    // shows in virtual time the same way on every run and every machine.
    public static Task ForEachAsync<TSource>(IEnumerable<TSource> source, Func<TSource, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(source, OnPump(null, CancellationToken.None), body);

    public static Task ForEachAsync<TSource>(IEnumerable<TSource> source, CancellationToken cancellationToken, Func<TSource, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(source, OnPump(null, cancellationToken), body);

    public static Task ForEachAsync<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TSource, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(source, OnPump(parallelOptions, parallelOptions.CancellationToken), body);

    public static Task ForEachAsync<TSource>(IAsyncEnumerable<TSource> source, Func<TSource, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(source, OnPump(null, CancellationToken.None), body);

    public static Task ForEachAsync<TSource>(IAsyncEnumerable<TSource> source, CancellationToken cancellationToken, Func<TSource, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(source, OnPump(null, cancellationToken), body);

    public static Task ForEachAsync<TSource>(IAsyncEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TSource, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(source, OnPump(parallelOptions, parallelOptions.CancellationToken), body);

    public static Task ForAsync<T>(T fromInclusive, T toExclusive, Func<T, CancellationToken, ValueTask> body)
        where T : notnull, System.Numerics.IBinaryInteger<T> =>
        Parallel.ForAsync(fromInclusive, toExclusive, OnPump(null, CancellationToken.None), body);

    public static Task ForAsync<T>(T fromInclusive, T toExclusive, CancellationToken cancellationToken, Func<T, CancellationToken, ValueTask> body)
        where T : notnull, System.Numerics.IBinaryInteger<T> =>
        Parallel.ForAsync(fromInclusive, toExclusive, OnPump(null, cancellationToken), body);

    public static Task ForAsync<T>(T fromInclusive, T toExclusive, ParallelOptions parallelOptions, Func<T, CancellationToken, ValueTask> body)
        where T : notnull, System.Numerics.IBinaryInteger<T> =>
        Parallel.ForAsync(fromInclusive, toExclusive, OnPump(parallelOptions, parallelOptions.CancellationToken), body);

    // A copy: the student's options object keeps the scheduler they gave it.
    private static ParallelOptions OnPump(ParallelOptions? options, CancellationToken cancellationToken) => new()
    {
        MaxDegreeOfParallelism = options?.MaxDegreeOfParallelism ?? -1,
        CancellationToken = cancellationToken,
        TaskScheduler = Scheduler(),
    };

    // Environment.Exit: recorded as the scenario's end (status exit), not the harness's.
    [DoesNotReturn]
    public static void Exit(int exitCode) => throw new StudentExitException(exitCode);

    private static TaskScheduler Scheduler() => new PumpTaskScheduler(Current.Context);
}

/// <summary>Thrown in place of Environment.Exit in the student's code.</summary>
public sealed class StudentExitException(int exitCode) : Exception($"Environment.Exit({exitCode})")
{
    public int ExitCode => exitCode;
}
