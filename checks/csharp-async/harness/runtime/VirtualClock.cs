using System.Text.Json;

namespace GraderHarness;

/// <summary>
/// A TimeProvider whose time moves only when the supervisor lets it: when the student's work is idle the pump asks
/// to move to the next due timer ("idle" on the channel) and, once allowed, moves there at once, so Task.Delay(d)
/// takes d clock seconds and no real time, and timers fire in exact order (ties in creation order). The supervisor
/// keeps its own time; this clock only shows the student's code the same. The grader's own, not FakeTimeProvider,
/// so the harness compiles from source against the framework alone and ships no package next to the student's assembly.
/// </summary>
internal sealed class VirtualClock(Channel channel) : TimeProvider
{
    // time.time() of the Python probe starts at 1 700 000 000; monotonic clocks at 1000 s.
    private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly long MonotonicStart = TimeSpan.FromSeconds(1000).Ticks;

    private readonly object gate = new();
    private readonly List<VirtualTimer> timers = [];
    private long ticks;
    private long sequence;

    public TimeSpan Elapsed
    {
        get
        {
            lock (gate)
            {
                return TimeSpan.FromTicks(ticks);
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Epoch + Elapsed;

    public override long GetTimestamp() => MonotonicStart + Elapsed.Ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>When the next timer is due, or null when none is waiting.</summary>
    public TimeSpan? NextDue
    {
        get
        {
            lock (gate)
            {
                return timers.Count == 0 ? null : TimeSpan.FromTicks(timers.Min(timer => timer.DueAt));
            }
        }
    }

    /// <summary>
    /// Asks the supervisor to move time to the earliest timer (never backwards) and fires every timer due by then;
    /// false when that would pass the scenario's deadline (nothing then moves).
    /// </summary>
    public bool AdvanceToNextTimer()
    {
        long target;
        lock (gate)
        {
            if (timers.Count == 0)
            {
                return true;
            }

            target = Math.Max(ticks, timers.Min(timer => timer.DueAt));
        }

        var answer = channel.Ask("idle", json => json.WriteNumber("timeout", TimeSpan.FromTicks(target - Elapsed.Ticks).TotalSeconds));
        if (answer.TryGetProperty("over", out var over) && over.ValueKind == JsonValueKind.True)
        {
            return false;
        }

        List<VirtualTimer> due;
        lock (gate)
        {
            ticks = Math.Max(ticks, target);
            due = [.. timers.Where(timer => timer.DueAt <= ticks).OrderBy(timer => timer.DueAt).ThenBy(timer => timer.Sequence)];
            foreach (var timer in due)
            {
                if (timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
                {
                    timer.DueAt = ticks + timer.Period.Ticks;
                    timer.Sequence = sequence++;
                }
                else
                {
                    timers.Remove(timer);
                }
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }

        return true;
    }

    /// <summary>A blocking sleep the supervisor was told of: time passes at once and nothing else runs meanwhile.</summary>
    public void Advance(TimeSpan span)
    {
        lock (gate)
        {
            ticks += Math.Max(0, span.Ticks);
        }
    }

    internal void Schedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = ticks + Math.Max(0, dueTime.Ticks);
            timer.Period = period;
            timer.Sequence = sequence++;
            timers.Add(timer);
        }
    }

    internal void Cancel(VirtualTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }
}

/// <summary>One timer of the virtual clock (what Task.Delay(d, clock) creates).</summary>
internal sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
{
    public long DueAt { get; set; }

    public TimeSpan Period { get; set; }

    public long Sequence { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        clock.Schedule(this, dueTime, period);
        return true;
    }

    public void Fire() => callback(state);

    public void Dispose() => clock.Cancel(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
