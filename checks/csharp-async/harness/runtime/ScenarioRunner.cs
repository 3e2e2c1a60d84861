using System.Reflection;

namespace GraderHarness;

/// <summary>How a scenario's call ended.</summary>
internal enum Ending
{
    Ok,
    Exception,
    Exit,
    Timeout,
    Deadlock,
}

/// <summary>What a scenario's call returned (awaited when a Task), or how it failed; how long it took is the supervisor's record.</summary>
internal sealed record CallOutcome(Ending Ending, object? Result, string? ReturnedType, string? TaskStatusAtReturn, Exception? Exception);

/// <summary>
/// Runs one call of the student's code in virtual time. The call starts on a fresh thread whose
/// SynchronizationContext is the scenario's <see cref="PumpContext"/>; this thread pumps the continuations and,
/// whenever the work is idle (queue empty, and the calling thread finished or blocked in a wait), moves the clock
/// to the next timer. Nothing due and nothing queued means a deadlock; a timer the supervisor will not wait for (past
/// the scenario's deadline), a timeout.
/// </summary>
internal static class ScenarioRunner
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(1);

    public static CallOutcome Run(ScenarioState scenario, Func<object?> call)
    {
        GraderRuntime.Current = scenario;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(scenario.Context);
        try
        {
            return Pump(scenario, call);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private static CallOutcome Pump(ScenarioState scenario, Func<object?> call)
    {
        object? returned = null;
        Exception? thrown = null;
        var caller = new Thread(() =>
        {
            SynchronizationContext.SetSynchronizationContext(scenario.Context);
            try
            {
                returned = call();
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                thrown = exception.InnerException;
            }
            catch (Exception exception)
            {
                thrown = exception;
            }
        }, 16 * 1024 * 1024) { IsBackground = true, Name = "student" };
        caller.Start();

        scenario.Caller = caller;
        scenario.PumpThread = Thread.CurrentThread;
        var quiet = new QuietWork(scenario.Context);
        string? returnedType = null;
        string? statusAtReturn = null;
        while (true)
        {
            if (scenario.Context.RunOne(TimeSpan.Zero))
            {
                continue;
            }

            if (scenario.Abandoned is { } abandoned)
            {
                // A blocking wait inside the work (PumpUntil) found that its task can never complete.
                return new CallOutcome(abandoned, null, returnedType, statusAtReturn, null);
            }

            var callerDone = !caller.IsAlive;
            if (callerDone && returnedType is null)
            {
                returnedType = returned is null ? "null" : TypeNames.Of(returned.GetType());
                statusAtReturn = (returned as Task)?.Status.ToString();
            }

            if (callerDone && (thrown is not null || returned is not Task || ((Task)returned).IsCompleted))
            {
                return Finish(returned, thrown, returnedType, statusAtReturn);
            }

            if (MoveTime(scenario, quiet) is Ending ending)
            {
                return new CallOutcome(ending, null, returnedType, statusAtReturn, null);
            }
        }
    }

    /// <summary>
    /// Called when the student's code blocks the pump thread on an unfinished task (<c>.Result</c>, <c>.Wait()</c>
    /// inside a continuation): pumps the other work and moves the clock until that task completes, as the thread
    /// pool would go on running it while one thread is blocked. Without this the pump would stop for good.
    /// </summary>
    public static void PumpUntil(ScenarioState scenario, Task task)
    {
        var quiet = new QuietWork(scenario.Context);
        while (!task.IsCompleted && scenario.Abandoned is null)
        {
            if (!scenario.Context.RunOne(TimeSpan.Zero) && MoveTime(scenario, quiet) is Ending ending)
            {
                scenario.Abandoned = ending;
            }
        }

        if (!task.IsCompleted)
        {
            throw new BlockedForeverException();
        }
    }

    public static bool IsPumpThread(ScenarioState scenario) => scenario.PumpThread == Thread.CurrentThread;

    // When the work is idle, the clock jumps to the next timer. Returns how the call ends when it cannot go on: no timer
    // left (a deadlock) or the next one beyond the deadline (a timeout); null while it goes on.
    private static Ending? MoveTime(ScenarioState scenario, QuietWork quiet)
    {
        var caller = scenario.Caller!;
        var callerDone = !caller.IsAlive;
        var callerBlocked = !callerDone && (caller.ThreadState & ThreadState.WaitSleepJoin) != 0;
        var next = scenario.Clock.NextDue;
        if (next is null ? !quiet.SettledForDeadlock(callerDone, callerBlocked) : !quiet.SettledForTimer(callerDone, callerBlocked))
        {
            // Work is still moving: the call's synchronous part, a continuation hopping through the thread pool,
            // or a blocked caller that was just released and is waking up.
            scenario.Context.RunOne(Poll);
            return null;
        }

        if (next is null)
        {
            return Ending.Deadlock;
        }

        // The supervisor refuses a wait past the scenario's deadline (600 virtual seconds).
        if (!scenario.Clock.AdvanceToNextTimer())
        {
            return Ending.Timeout;
        }

        quiet.Reset();
        return null;
    }

    private static CallOutcome Finish(object? returned, Exception? thrown, string? returnedType, string? statusAtReturn)
    {
        if (thrown is not null)
        {
            return Failed(thrown, returnedType, statusAtReturn);
        }

        if (returned is Task task)
        {
            return task.Status == TaskStatus.RanToCompletion
                ? new CallOutcome(Ending.Ok, TaskResults.Of(task), returnedType, statusAtReturn, null)
                : Failed(task.Exception?.InnerException ?? new TaskCanceledException(), returnedType, statusAtReturn);
        }

        return new CallOutcome(Ending.Ok, returned, returnedType, statusAtReturn, null);
    }

    private static CallOutcome Failed(Exception exception, string? returnedType, string? statusAtReturn) =>
        new(exception is StudentExitException ? Ending.Exit : Ending.Exception, null, returnedType, statusAtReturn, exception);
}

/// <summary>Unwinds a blocking wait whose task can never complete; the scenario ends as a deadlock or timeout.</summary>
internal sealed class BlockedForeverException() : Exception("a blocking wait on a task that never completes");
