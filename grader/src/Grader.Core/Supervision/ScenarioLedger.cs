using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grader.Core.Supervision;

/// <summary>
/// The supervisor's record of one scenario: every value it handed out, every sleep it was asked for with when it began
/// and ended on its own clock, every blocking sleep, every call of a spied function, the ticks of the blocking probe
/// and where the call began and ended. Times are seconds since the scenario began. <see cref="Observation"/> joins
/// this record with what the child alone can see (the returned value, its type, exceptions, facts about functions),
/// and nothing the child sends can replace a field of the record.
/// </summary>
internal sealed class ScenarioLedger(string scenario, string call, int seed, SupervisorClock clock, ISupervisionPlan plans)
{
    /// <summary>Most entries kept per list; beyond it they are counted in records_dropped.</summary>
    public const int MaxRecords = 200;

    // A sleep whose delay is this close to a value drawn is that value's sleep (a student may round).
    private const double MatchTolerance = 0.06;

    // Real mode, a cross-check: the most of the child's own measure of lateness taken, in clock seconds (1.5 s of
    // real time at the scale of 0.05). It only widens margins, and under load it holds waits the supervisor cannot
    // see (the ticker's, a worker thread's callback); with a cap of 2, --clock real verdicts flipped under load.
    private const double MaxReportedLateness = 30.0;

    private const double TickPeriod = 0.5;

    /// <summary>The fields the supervisor owns: any the child sends under these names are dropped.</summary>
    private static readonly HashSet<string> OwnFields =
    [
        "scenario", "call", "args", "virtual_elapsed", "random_calls", "sleep_calls", "delays", "blocking_sleeps", "blocking_waits",
        "spy_calls", "ticks", "tick_period", "call_window", "max_tick_gap", "records_dropped", "planned_fractions", "wake_plan",
        "decouple_scale", "values_in_spawn_order", "values_in_value_order", "values_in_wake_order", "completion_order_values",
    ];

    // What a blocking record may carry from the child's request besides the supervisor's own fields.
    private static readonly string[] BlockingDetails = ["in_running_loop", "in_main_thread", "in_async_work", "file", "line", "where", "kind"];

    private readonly ScenarioPlan plan = plans.For(scenario);

    // Streams of their own, so that the wake-ups' latency and the order of finishing never shift the values the random
    // functions hand out.
    private readonly DrawSource latencies = new(seed, scenario + ":latency", ScenarioPlan.Seeded);
    private readonly DrawSource finishingOrders = new(seed, scenario + ":finishing", ScenarioPlan.Seeded);
    private readonly ImmutableArray<int>? arguments = Pick(new DrawSource(seed, scenario + ":arguments", ScenarioPlan.Seeded), plans.For(scenario));
    private DrawSource? draws;
    private readonly double start = clock.Now;
    private readonly List<double?> values = [];
    private readonly List<double> fractions = [];
    private readonly HashSet<int> matched = [];
    private readonly JsonArray blockingWaits = [];
    private readonly JsonArray randomCalls = [];
    private readonly Dictionary<long, PendingSleep> sleeps = [];
    private readonly List<PendingSleep> sleepOrder = [];
    private readonly List<PendingSleep> woken = [];
    private readonly List<PendingSleep> planned = [];
    private int deferred;
    private readonly JsonArray blockingSleeps = [];
    private readonly Dictionary<long, JsonObject> spyCalls = [];
    private readonly JsonArray spyOrder = [];
    private readonly List<double> ticks = [];
    private readonly Dictionary<string, int> dropped = new(StringComparer.Ordinal);
    private double? runStart;
    private double? runEnd;
    private bool interrupted;
    private bool overDuringRun;
    private double lateness;

    public string Scenario => scenario;

    /// <summary>The arguments the supervisor chose for the scenario's call, or null where the child's are fixed.</summary>
    public ImmutableArray<int>? Arguments => arguments;

    // The call as the supervisor made it, or the child's label where the arguments are the child's.
    private string Call => plan.Function is { } function && arguments is { } chosen
        ? $"{function}({string.Join(", ", chosen)})"
        : call;

    private static ImmutableArray<int>? Pick(DrawSource draws, ScenarioPlan plan) =>
        plan.Arguments is { } choices ? [.. choices.Select(values => values[Math.Min(values.Length - 1, (int)(draws.Next() * values.Length))])] : null;

    private double Since => clock.Now - start;

    /// <summary>
    /// How late the next wake-up of the child's loop is, on the virtual clock: a real loop wakes a little after its
    /// timer, between a quarter of the plan's <see cref="ISupervisionPlan.WakeLatency"/> and all of it.
    /// </summary>
    public double WakeLatency() => plans.WakeLatency * (0.25 + (0.75 * latencies.Next()));

    /// <summary>A random function's value for the next fraction of the plan, recorded.</summary>
    public DrawnValue Draw(string function, IReadOnlyList<JsonElement> args, JsonElement? kwargs, JsonElement? where)
    {
        draws ??= new DrawSource(seed, scenario, plan.SpreadOverCalls && arguments is { Length: > 0 } chosen ? plan with { Spread = chosen[0] } : plan);
        var fraction = draws.Next();
        var drawn = RandomValues.Compute(function, args, kwargs, fraction);
        if (drawn.Value is null)
        {
            return drawn;
        }

        var record = new JsonObject
        {
            ["fn"] = function,
            ["args"] = new JsonArray([.. args.Select(Node)]),
            ["value"] = drawn.Value.DeepClone(),
            ["fraction"] = fraction,
            ["order"] = values.Count,
            ["where"] = Copy(where),
        };
        if (kwargs is { ValueKind: JsonValueKind.Object } extra && extra.EnumerateObject().Any())
        {
            record["kwargs"] = Node(extra);
        }

        values.Add(drawn.Number);
        fractions.Add(fraction);
        Keep("random_calls", randomCalls, record);
        return drawn;
    }

    /// <summary>
    /// Begins an asyncio.sleep of <paramref name="delay"/>: returns how long it really lasts (null: as asked, for a
    /// delay that is no number), or that its length comes later (<see cref="ScenarioPlan.AtSleeps"/>: a sleep of a
    /// spied call that is still running, <paramref name="spy"/>). With a wake plan matched on values, the sleep of the
    /// k-th value drawn lasts the plan's k-th length.
    /// </summary>
    public SleepStart StartSleep(long id, JsonElement delay, JsonElement? where, long? spy)
    {
        var requested = delay.ValueKind == JsonValueKind.Number ? delay.GetDouble() : (double?)null;
        var pending = plan.AtSleeps && plan.WakePlan is { } lengths && requested > 0 && deferred < lengths.Length && InRunningSpy(spy);
        var match = requested is { } asked && !plan.AtSleeps ? MatchRandomValue(asked) : null;
        var after = pending ? null : match is { } index && plan.WakePlan is { } wakes ? wakes[index] : requested;
        var sleep = new PendingSleep(Since, requested, match, new JsonObject
        {
            ["requested"] = Node(delay),
            ["started_at"] = Since,
            ["woke_at"] = null,
            ["cancelled"] = false,
            ["remapped_to"] = match is null ? null : after,
            ["random_call"] = match,
            ["where"] = Copy(where),
        })
        {
            After = after,
            Pending = pending,
        };
        if (pending)
        {
            deferred++;
        }

        if (match is not null)
        {
            planned.Add(sleep);
        }

        sleeps[id] = sleep;
        if (sleepOrder.Count < MaxRecords)
        {
            sleepOrder.Add(sleep);
        }
        else
        {
            dropped["sleep_calls"] = dropped.GetValueOrDefault("sleep_calls") + 1;
        }

        return new SleepStart(after, pending);
    }

    private bool InRunningSpy(long? spy) =>
        spy is { } id && spyCalls.TryGetValue(id, out var call) && call["finished_at"] is null;

    /// <summary>
    /// The lengths of the pending sleeps among <paramref name="ids"/>, now that the child's loop has nothing else to
    /// do: the wake plan's next lengths, handed out so that the sleeps finish in an order that is none of the start
    /// order, its reverse and the order of the delays asked, where the number of sleeps leaves one.
    /// </summary>
    public JsonObject Decide(IEnumerable<long> ids)
    {
        var waiting = ids.Distinct().Select(id => sleeps.GetValueOrDefault(id)).OfType<PendingSleep>()
            .Where(sleep => sleep.Pending).OrderBy(sleep => sleep.StartedAt).ThenBy(sleep => sleepOrder.IndexOf(sleep)).ToList();
        var lengths = (plan.WakePlan ?? []).Skip(planned.Count).Take(waiting.Count).Order().ToList();
        var finishing = FinishingOrder(waiting);
        var decided = new JsonObject();
        for (var rank = 0; rank < lengths.Count; rank++)
        {
            var sleep = waiting[finishing[rank]];
            sleep.After = lengths[rank];
            sleep.Pending = false;
            sleep.Record["remapped_to"] = lengths[rank];
            planned.Add(sleep);
        }

        foreach (var sleep in waiting.Where(sleep => sleep.Pending))
        {
            (sleep.After, sleep.Pending) = (sleep.Requested, false); // Past the plan's end: as asked.
        }

        foreach (var (id, sleep) in sleeps.Where(pair => waiting.Contains(pair.Value)))
        {
            decided[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = sleep.After;
        }

        return new JsonObject { ["after"] = decided };
    }

    // Positions into waiting, first to finish first: drawn from the run's seed until it differs from every order a
    // wrong wait_n could return by accident.
    private List<int> FinishingOrder(IReadOnlyList<PendingSleep> waiting)
    {
        var count = waiting.Count;
        List<int> started = [.. Enumerable.Range(0, count)];
        List<int>[] avoided = [started, [.. Enumerable.Reverse(started)], [.. started.OrderBy(index => waiting[index].Requested).ThenBy(index => index)]];
        var order = started;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            order = [.. started];
            for (var index = count - 1; index > 0; index--)
            {
                var other = (int)(finishingOrders.Next() * (index + 1));
                (order[index], order[other]) = (order[other], order[index]);
            }

            if (!avoided.Any(order.SequenceEqual))
            {
                break;
            }
        }

        return order;
    }

    // The draw a sleep of this length belongs to: the nearest value (or fraction × scale) within the tolerance,
    // among the draws the wake plan covers; with a scale, each draw is matched once.
    private int? MatchRandomValue(double delay)
    {
        if (plan.WakePlan is not { } wakes)
        {
            return null;
        }

        int? best = null;
        var bestGap = double.MaxValue;
        for (var index = 0; index < Math.Min(wakes.Length, values.Count); index++)
        {
            double? candidate = plan.DecoupleScale is { } scale ? (matched.Contains(index) ? null : fractions[index] * scale) : values[index];
            if (candidate is { } value && Math.Abs(value - delay) is var gap && gap <= MatchTolerance && gap < bestGap)
            {
                (best, bestGap) = (index, gap);
            }
        }

        if (best is { } found && plan.DecoupleScale is not null)
        {
            matched.Add(found);
        }

        return best;
    }

    /// <summary>Ends a sleep; a message when it claims to have ended before its time (virtual time is exact).</summary>
    public string? EndSleep(long id, bool cancelled)
    {
        if (!sleeps.Remove(id, out var sleep))
        {
            return null; // Not this scenario's sleep, or told twice: it changes nothing in the record.
        }

        if (cancelled)
        {
            sleep.Record["cancelled"] = true;
            return null;
        }

        if (sleep.Pending)
        {
            return $"a sleep that began at {sleep.StartedAt} s claimed to end at {Since} s, before the grader gave it a length";
        }

        var now = Since;
        if (sleep.After is { } after)
        {
            var late = now - sleep.StartedAt - Math.Max(0, after);
            // Virtual time is exact: a sleep that ends earlier than the track's timers allow was woken by something else.
            if (clock.IsVirtual && late < -plans.WakeResolution)
            {
                return $"a sleep of {after} s began at {sleep.StartedAt} s and claimed to end at {now} s, before its time";
            }

            lateness = Math.Max(lateness, late);
        }

        sleep.Record["woke_at"] = now;
        woken.Add(sleep);
        return null;
    }

    public void Blocked(JsonElement request, double seconds)
    {
        var record = Details(request);
        record["seconds"] = request.TryGetProperty("requested", out var requested) ? Node(requested) : seconds;
        record["at"] = Since;
        Keep("blocking_sleeps", blockingSleeps, record);
    }

    /// <summary>A blocking wait on an unfinished task (C#'s .Result, .Wait()): what it was and where, stamped now.</summary>
    public void BlockingWait(JsonElement request)
    {
        var record = Details(request);
        record["at"] = Since;
        Keep("blocking_waits", blockingWaits, record);
    }

    private static JsonObject Details(JsonElement request)
    {
        var record = new JsonObject();
        foreach (var name in BlockingDetails)
        {
            if (request.TryGetProperty(name, out var value))
            {
                record[name] = Node(value);
            }
        }

        return record;
    }

    public void SpyStarted(long id, string function, JsonElement? args, JsonElement? kwargs)
    {
        var record = new JsonObject
        {
            ["fn"] = function,
            ["args"] = Copy(args) ?? new JsonArray(),
            ["kwargs"] = Copy(kwargs) ?? new JsonObject(),
            ["order"] = spyOrder.Count + dropped.GetValueOrDefault("spy_calls"),
            ["started_at"] = Since,
            ["finished_at"] = null,
            ["status"] = "pending",
            ["returned"] = null,
            ["returned_type"] = null,
            ["exception"] = null,
        };
        if (Keep("spy_calls", spyOrder, record))
        {
            spyCalls[id] = record;
        }
    }

    /// <summary>Ends a spied call once; its status is one of ok, cancelled, exception.</summary>
    public void SpyEnded(long id, JsonElement request)
    {
        if (!spyCalls.TryGetValue(id, out var record) || record["finished_at"] is not null)
        {
            return;
        }

        var status = request.TryGetProperty("status", out var given) ? given.GetString() : null;
        record["finished_at"] = Since;
        record["status"] = status is "ok" or "cancelled" ? status : "exception";
        if (status == "ok")
        {
            record["returned"] = request.TryGetProperty("returned", out var returned) ? Node(returned) : null;
            var claimed = request.TryGetProperty("returned_type", out var type) ? type.ToString() : record["returned_type"]?.ToString();
            record["returned_type"] = plans.TypeOfNumber(record["returned"]) ?? claimed;
        }
        else
        {
            record["exception"] = request.TryGetProperty("exception", out var exception) ? exception.ToString() : null;
        }

    }

    /// <summary>What a spied call returned at once (C#: a Task, and its status then), before it ends.</summary>
    public void SpyReturned(long id, JsonElement request)
    {
        if (!spyCalls.TryGetValue(id, out var record) || record["finished_at"] is not null)
        {
            return;
        }

        foreach (var name in (string[])["returned_type", "task_status_at_return"])
        {
            if (request.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                record[name] = value.GetString();
            }
        }
    }

    public void SpiedTaskEnded(long id, JsonElement outcome)
    {
        if (spyCalls.TryGetValue(id, out var record) && record["task_outcome"] is null && outcome.ValueKind == JsonValueKind.Object)
        {
            var copy = Node(outcome)!.AsObject();
            copy["finished_at"] = Since;
            record["task_outcome"] = copy;
        }
    }

    public void RunStarted() => runStart ??= Since;

    public void RunEnded(bool wasInterrupted)
    {
        if (runStart is not null && runEnd is null)
        {
            runEnd = Since;
            interrupted = wasInterrupted;
        }
    }

    public void Tick()
    {
        if (runEnd is null && ticks.Count < MaxRecords)
        {
            ticks.Add(Since);
        }
    }

    /// <summary>The supervisor told the child that a wait would pass the deadline.</summary>
    public void DeclaredOver()
    {
        if (runEnd is null)
        {
            overDuringRun = true;
        }
    }

    /// <summary>The scenario's observation: what the child sent, minus the supervisor's fields, plus its record.</summary>
    public JsonObject Observation(JsonObject fromProbe)
    {
        var observation = new JsonObject();
        foreach (var (name, value) in fromProbe)
        {
            if (!OwnFields.Contains(name))
            {
                observation[name] = value?.DeepClone();
            }
        }

        observation["scenario"] = scenario;
        observation["call"] = Call;
        if (arguments is { } chosen)
        {
            observation["args"] = new JsonArray([.. chosen.Select(argument => (JsonNode)argument)]);
        }

        CorrectTypes(observation);
        if (overDuringRun && observation["status"]?.ToString() is "ok" or null)
        {
            // The child was told its time was up; a run that still says ok swallowed the interruption.
            observation["status"] = "timeout";
        }

        var end = runEnd ?? Since;
        observation["virtual_elapsed"] = runStart is { } began ? end - began : end;
        observation["random_calls"] = randomCalls.DeepClone();
        observation[plans.SleepsField] = new JsonArray([.. sleepOrder.Select(sleep => sleep.Record.DeepClone())]);
        observation["blocking_sleeps"] = blockingSleeps.DeepClone();
        if (blockingWaits.Count > 0 || plans.SleepsField == "delays")
        {
            observation["blocking_waits"] = blockingWaits.DeepClone();
        }
        observation["spy_calls"] = spyOrder.DeepClone();
        if (ticks.Count > 0)
        {
            var inside = ticks.Where(tick => tick <= end).ToList();
            var points = interrupted ? inside : [.. inside, end];
            observation["ticks"] = new JsonArray([.. inside.Select(tick => (JsonNode)tick)]);
            observation["tick_period"] = TickPeriod;
            observation["call_window"] = new JsonArray(runStart ?? 0, end);
            observation["max_tick_gap"] = points.Count > 1 ? points.Zip(points.Skip(1), (a, b) => b - a).Max() : null;
        }

        if (!clock.IsVirtual)
        {
            var reported = fromProbe["clock_lateness"] is JsonValue value && value.TryGetValue<double>(out var late) && double.IsFinite(late) ? late : 0;
            observation["clock_lateness"] = Math.Max(lateness, Math.Clamp(reported, 0, MaxReportedLateness));
        }
        else
        {
            observation.Remove("clock_lateness");
        }

        if (!plan.Fractions.IsEmpty)
        {
            observation["planned_fractions"] = new JsonArray([.. plan.Fractions.Select(fraction => (JsonNode)fraction)]);
        }

        if (plan.WakePlan is { } wakes)
        {
            AddOrderFacts(observation, wakes);
            if (plan.DecoupleScale is { } scale)
            {
                observation["decouple_scale"] = scale;
            }
        }

        if (dropped.Count > 0)
        {
            observation["records_dropped"] = new JsonObject([.. dropped.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))]);
        }

        return observation;
    }

    // The three candidate orders of the decoupled scenario, and the order the planned sleeps really ended in. The value
    // of a planned sleep: the draw it matched, or (at sleeps) the delay it asked for.
    private void AddOrderFacts(JsonObject observation, IReadOnlyList<double> wakes)
    {
        if (plan.AtSleeps)
        {
            var asked = planned.Select(sleep => sleep.Requested).ToList();
            observation["values_in_spawn_order"] = Numbers(asked);
            observation["values_in_value_order"] = Numbers(asked.OfType<double>().Order());
            observation["values_in_wake_order"] = Numbers(planned.OrderBy(sleep => sleep.StartedAt + (sleep.After ?? 0)).Select(sleep => sleep.Requested));
            observation["wake_plan"] = new JsonArray([.. planned.Select(sleep => (JsonNode)new JsonObject { ["value"] = sleep.Requested, ["sleeps_for"] = sleep.After })]);
            observation["completion_order_values"] = Numbers(woken.Where(planned.Contains).Select(sleep => sleep.Requested));
            return;
        }

        var spawned = values.Take(wakes.Count).ToList();
        var numeric = spawned.OfType<double>().ToList();
        observation["values_in_spawn_order"] = Numbers(spawned);
        observation["values_in_value_order"] = Numbers(numeric.Order());
        observation["values_in_wake_order"] = Numbers(spawned.Zip(wakes).Where(pair => pair.First is not null).OrderBy(pair => pair.Second).Select(pair => pair.First));
        observation["wake_plan"] = new JsonArray([.. spawned.Zip(wakes).Select(pair => (JsonNode)new JsonObject { ["value"] = pair.First, ["sleeps_for"] = pair.Second })]);
        observation["completion_order_values"] = Numbers(woken.Where(sleep => sleep.RandomCall is not null).Select(sleep => values[sleep.RandomCall!.Value]));
    }

    // The type of a number read from the number itself where the track can (Python), in place of the child's name.
    private void CorrectTypes(JsonObject observation)
    {
        if (plans.TypeOfNumber(observation["result"]) is { } type)
        {
            observation["result_type"] = type;
        }

        if (observation["result"] is JsonArray items && observation["result_element_types"] is JsonArray names)
        {
            for (var index = 0; index < Math.Min(items.Count, names.Count); index++)
            {
                if (plans.TypeOfNumber(items[index]) is { } itemType)
                {
                    names[index] = itemType;
                }
            }
        }
    }

    private static JsonArray Numbers(IEnumerable<double?> numbers) => new([.. numbers.Select(number => (JsonNode?)number)]);

    private static JsonArray Numbers(IEnumerable<double> numbers) => new([.. numbers.Select(number => (JsonNode)number)]);

    private static JsonNode? Copy(JsonElement? value) => value is { } element ? Node(element) : null;

    // A JsonNode of the element's own UTF-8 text, without a string in between (a copy per recorded request).
    private static JsonNode? Node(JsonElement element) => JsonNode.Parse(JsonMarshal.GetRawUtf8Value(element));

    private bool Keep(string name, JsonArray list, JsonObject record)
    {
        if (list.Count < MaxRecords)
        {
            list.Add(record);
            return true;
        }

        dropped[name] = dropped.GetValueOrDefault(name) + 1;
        return false;
    }

    // A sleep begun and not yet ended; After is null while its length is still to be decided (Pending) or not a number.
    private sealed class PendingSleep(double startedAt, double? requested, int? randomCall, JsonObject record)
    {
        public double StartedAt => startedAt;

        public double? Requested => requested;

        public int? RandomCall => randomCall;

        public JsonObject Record => record;

        public double? After { get; set; }

        public bool Pending { get; set; }
    }
}

/// <summary>How a sleep begins: how long it lasts (null: as asked), or that its length comes later (<see cref="Pending"/>).</summary>
internal readonly record struct SleepStart(double? After, bool Pending);
