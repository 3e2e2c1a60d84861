namespace GraderHarness;

/// <summary>One random draw the student's code made.</summary>
internal sealed record RandomCall(string Fn, double[] Args, double Value, double Fraction, int Order);

/// <summary>One Task.Delay: what was asked, what was really waited (decoupled scenarios), when it started and woke.</summary>
internal sealed class DelayCall
{
    public double Requested { get; init; }

    public double StartedAt { get; init; }

    public double? WokeAt { get; set; }

    public double? RemappedTo { get; init; }

    public int? RandomCall { get; init; }
}

/// <summary>One blocking Thread.Sleep: how long, when, and whether it ran inside the student's asynchronous work.</summary>
internal sealed record BlockingSleep(double Seconds, double At, bool InAsyncWork, string? Where);

/// <summary>
/// One blocking wait on an unfinished task (<c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>): which,
/// when, where, and whether it blocked asynchronous work (an async method or a continuation) rather than a regular
/// method such as MeasureTime.
/// </summary>
internal sealed record BlockingWait(string Kind, double At, bool InAsyncWork, string? Where);

/// <summary>One call of a spied student method (WaitRandom, WaitN, TaskWaitRandom) made by other student code.</summary>
internal sealed class SpyCall
{
    public required string Fn { get; init; }

    public required object?[] Args { get; init; }

    public int Order { get; init; }

    public double StartedAt { get; init; }

    public double? FinishedAt { get; set; }

    public string Status { get; set; } = "pending";

    public object? Returned { get; set; }

    public string? ReturnedType { get; set; }

    /// <summary>TaskStatus of a returned Task at the moment it was returned (Created = never started).</summary>
    public string? TaskStatusAtReturn { get; set; }
}

/// <summary>
/// Everything one scenario observes, and its controlled inputs: the planned random fractions, then a seeded
/// source; the wake plan of the decoupled scenarios. Lists are locked: the student's code may use threads.
/// </summary>
internal sealed class ScenarioState(string id, IReadOnlyList<double> planned, int seed, double? decoupleScale, IReadOnlyList<double>? wakePlan)
{
    private readonly object gate = new();
    private readonly Random fallback = new(SeedFor(seed, id));
    private int drawn;

    public string Id => id;

    public VirtualClock Clock { get; } = new();

    public PumpContext Context { get; } = new();

    public List<RandomCall> RandomCalls { get; } = [];

    public List<DelayCall> Delays { get; } = [];

    public List<BlockingSleep> BlockingSleeps { get; } = [];

    public List<BlockingWait> BlockingWaits { get; } = [];

    public List<SpyCall> SpyCalls { get; } = [];

    /// <summary>The thread that runs the student's call (its synchronous part); set by the pump when it starts it.</summary>
    public Thread? Caller { get; set; }

    /// <summary>The thread that pumps the continuations.</summary>
    public Thread? PumpThread { get; set; }

    /// <summary>Set when a blocking wait inside the work found that nothing will ever complete its task.</summary>
    public Ending? Abandoned { get; set; }

    public IReadOnlyList<double> Planned => planned;

    public IReadOnlyList<double>? WakePlan => wakePlan;

    public double? DecoupleScale => decoupleScale;

    /// <summary>The next fraction in [0, 1): from the plan first, then from the seeded source.</summary>
    public double NextFraction(string fn, double[] args, Func<double, double> value)
    {
        lock (gate)
        {
            var fraction = drawn < planned.Count ? planned[drawn] : fallback.NextDouble();
            drawn++;
            RandomCalls.Add(new RandomCall(fn, args, value(fraction), fraction, RandomCalls.Count));
            return fraction;
        }
    }

    /// <summary>Records a delay; in a decoupled scenario a delay equal to a planned random value really lasts its planned length.</summary>
    public DelayCall RecordDelay(TimeSpan requested)
    {
        lock (gate)
        {
            var seconds = requested.TotalSeconds;
            int? match = null;
            if (wakePlan is not null && decoupleScale is { } scale)
            {
                var used = Delays.Where(d => d.RandomCall is not null).Select(d => d.RandomCall!.Value).ToHashSet();
                match = RandomCalls.Take(wakePlan.Count)
                    .Where(call => !used.Contains(call.Order) && Math.Abs(call.Fraction * scale - seconds) <= 0.06)
                    .OrderBy(call => Math.Abs(call.Fraction * scale - seconds))
                    .Select(call => (int?)call.Order)
                    .FirstOrDefault();
            }

            var delay = new DelayCall
            {
                Requested = seconds,
                StartedAt = Clock.Seconds,
                RandomCall = match,
                RemappedTo = match is { } k ? wakePlan![k] : null,
            };
            Delays.Add(delay);
            return delay;
        }
    }

    public void RecordBlockingSleep(TimeSpan span, bool inAsyncWork, string? where)
    {
        lock (gate)
        {
            BlockingSleeps.Add(new BlockingSleep(span.TotalSeconds, Clock.Seconds, inAsyncWork, where));
        }
    }

    public void RecordBlockingWait(string kind, bool inAsyncWork, string? where)
    {
        lock (gate)
        {
            BlockingWaits.Add(new BlockingWait(kind, Clock.Seconds, inAsyncWork, where));
        }
    }

    public SpyCall RecordSpyCall(string fn, object?[] args)
    {
        lock (gate)
        {
            var call = new SpyCall { Fn = fn, Args = args, Order = SpyCalls.Count, StartedAt = Clock.Seconds };
            SpyCalls.Add(call);
            return call;
        }
    }

    /// <summary>A seed for one scenario's draws, the same in every run (string.GetHashCode and HashCode are not).</summary>
    public static int SeedFor(int seed, string id) => id.Aggregate(seed, (hash, c) => unchecked((hash * 31) + c));
}
