namespace GraderHarness;

/// <summary>System.Diagnostics.Stopwatch on the scenario's virtual clock, with the members student code uses.</summary>
public sealed class VirtualStopwatch
{
    private long startedAt;
    private long accumulated;

    public static readonly long Frequency = TimeSpan.TicksPerSecond;

    public static readonly bool IsHighResolution = true;

    public bool IsRunning { get; private set; }

    public TimeSpan Elapsed => TimeSpan.FromTicks(ElapsedTicks);

    public long ElapsedMilliseconds => (long)Elapsed.TotalMilliseconds;

    public long ElapsedTicks => accumulated + (IsRunning ? GetTimestamp() - startedAt : 0);

    public static VirtualStopwatch StartNew()
    {
        var stopwatch = new VirtualStopwatch();
        stopwatch.Start();
        return stopwatch;
    }

    public static long GetTimestamp() => GraderRuntime.Clock.GetTimestamp();

    public static TimeSpan GetElapsedTime(long startingTimestamp) => GraderRuntime.Clock.GetElapsedTime(startingTimestamp);

    public static TimeSpan GetElapsedTime(long startingTimestamp, long endingTimestamp) => GraderRuntime.Clock.GetElapsedTime(startingTimestamp, endingTimestamp);

    public void Start()
    {
        if (!IsRunning)
        {
            startedAt = GetTimestamp();
            IsRunning = true;
        }
    }

    public void Stop()
    {
        if (IsRunning)
        {
            accumulated += GetTimestamp() - startedAt;
            IsRunning = false;
        }
    }

    public void Reset()
    {
        accumulated = 0;
        IsRunning = false;
    }

    public void Restart()
    {
        accumulated = 0;
        startedAt = GetTimestamp();
        IsRunning = true;
    }
}
