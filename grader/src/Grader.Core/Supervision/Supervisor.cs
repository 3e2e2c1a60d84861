using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Core.Processes;

namespace Grader.Core.Supervision;

/// <summary>What the supervisor holds for one task at the end of a run.</summary>
/// <param name="Finished">True when the child said the task's scenarios were over, and every request before was in order.</param>
public sealed record SupervisedTask(ImmutableSortedDictionary<string, JsonElement> Observations, bool Finished);

/// <summary>How a supervised run goes: the run's seed, its clock, and the virtual seconds a scenario may last.</summary>
/// <param name="Meter">Where the supervisor adds what it cost, or null.</param>
public sealed record SupervisionSettings(int Seed, bool VirtualClock, double TimeScale, double ScenarioDeadline, SupervisionMeter? Meter = null);

/// <summary>
/// The trusted end of a child's private channel, for both tracks (the Python probe and the C# harness; protocol:
/// checks/python-async/probe/PROTOCOL.md). It sends the configuration, then answers the child's requests one by
/// one (a note is recorded and not answered): it decides every random value and every moment of time, keeps the record of each scenario
/// (<see cref="ScenarioLedger"/>) and builds the observations the checks judge from that record and from what only
/// the child can see. A request out of order, a sleep that claims to end
/// before its time, or a line that is no request is a violation: the supervisor refuses it and ends the
/// conversation, and the tasks not finished by then have no closing record.
/// </summary>
public sealed class Supervisor(string configuration, IReadOnlyList<int> tasks, SupervisionSettings settings, ISupervisionPlan plan) : IChildConversation
{
    public const int ProtocolVersion = 3;

    /// <summary>
    /// Requests that only tell the supervisor something: it sends no answer (unless it refuses one), so the child
    /// goes on at once instead of waiting a round trip for an empty answer. About half of a run's requests.
    /// </summary>
    public static readonly FrozenSet<string> Notes = FrozenSet.Create(
        StringComparer.Ordinal, "woke", "cancelled", "blocking_wait", "spy_returned", "spy_end", "spy_task_end", "run_start", "run_end", "tick", "cleanup");

    /// <summary>Longest request line read; a longer one ends the run.</summary>
    public const int MaxLineBytes = 8 * 1024 * 1024;

    /// <summary>Most bytes of observations kept for one run: past it the run ends (a child that floods).</summary>
    public const long MaxObservationBytes = 32L * 1024 * 1024;

    // Virtual seconds granted to cancel and close a scenario's loops once its call is over.
    private const double CleanupAllowance = 5.0;

    private readonly SupervisorClock clock = new(settings.VirtualClock, settings.TimeScale);
    private readonly Dictionary<int, ImmutableSortedDictionary<string, JsonElement>.Builder> observations = [];
    private readonly HashSet<int> finished = [];
    private int nextTask;
    private int? currentTask;
    private int lastScenario = -1;
    private ScenarioLedger? scenario;
    private ScenarioLedger between = null!;
    private long nextId;
    private long observationBytes;

    // Held while a request is answered and while the record is read: the conversation has a thread of its own.
    private readonly Lock record = new();
    private bool abandoned;

    /// <summary>Why the supervisor ended the conversation early, or null.</summary>
    public string? Violation { get; private set; }

    /// <summary>The child's outcome with the violation, if any, after what the child printed: the report says why the run stopped.</summary>
    public ProcessOutcome Annotate(ProcessOutcome outcome)
    {
        lock (record)
        {
            return Violation is null
                ? outcome
                : outcome with { StandardError = outcome.StandardError with { Tail = outcome.StandardError.Tail + $"\n[grader: the run was stopped: {Violation}]\n" } };
        }
    }

    public SupervisedTask Result(int task)
    {
        lock (record)
        {
            return new(
                observations.TryGetValue(task, out var kept) ? kept.ToImmutable() : ImmutableSortedDictionary<string, JsonElement>.Empty,
                finished.Contains(task));
        }
    }

    /// <summary>
    /// Converses on a thread of its own that blocks on the pipe: the child waits for most answers, and an answer that
    /// had to wait for a thread pool's turn (busy in a batch, with other jobs' checks) was seen to double a behaviour
    /// run. When the run is cancelled the thread may stay blocked until the pipe closes; it then changes nothing more.
    /// </summary>
    public async Task TalkAsync(Stream fromChild, Stream toChild, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var talking = Task.Factory.StartNew(() => Converse(fromChild, toChild), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await talking.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (record)
            {
                abandoned = true;
            }

            settings.Meter?.Talked(Stopwatch.GetTimestamp() - started);
        }
    }

    private void Converse(Stream fromChild, Stream toChild)
    {
        lock (record)
        {
            between = NewBetween();
        }

        toChild.Write(Encoding.UTF8.GetBytes(configuration + "\n"));
        toChild.Flush();
        var lines = new ChildLines(fromChild, MaxLineBytes);
        var reply = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(reply);
        while (lines.TryReadLine(out var line))
        {
            var heard = Stopwatch.GetTimestamp();
            bool answered;
            lock (record)
            {
                if (abandoned)
                {
                    return;
                }

                reply.ResetWrittenCount();
                writer.Reset();
                answered = Reply(line, writer);
            }

            if (answered)
            {
                reply.Write("\n"u8);
                toChild.Write(reply.WrittenSpan);
                toChild.Flush();
            }

            settings.Meter?.Answered(Stopwatch.GetTimestamp() - heard);
            if (Violation is not null)
            {
                return;
            }
        }

        lock (record)
        {
            if (lines.Overlong && !abandoned)
            {
                Violation = $"the child sent a line longer than {MaxLineBytes / (1024 * 1024)} MiB";
            }
        }
    }

    // Writes the answer to one request (with the clock's time) and says so; false for a note.
    private bool Reply(ReadOnlyMemory<byte> line, Utf8JsonWriter writer)
    {
        JsonObject? answer;
        try
        {
            answer = Answer(line);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
        {
            // A request shaped in a way the supervisor did not foresee: the run stops, and the grader with it never.
            answer = Refuse($"a request the grader could not read ({exception.GetType().Name}: {exception.Message})");
        }

        if (answer is null)
        {
            return false;
        }

        answer["now"] = clock.Now;
        answer.WriteTo(writer);
        writer.Flush();
        return true;
    }

    // Null for a note taken without objection: the child waits for no answer to it. A refused note is answered with
    // the refusal, which the child reads in place of the answer to its next request.
    private JsonObject? Answer(ReadOnlyMemory<byte> line)
    {
        JsonElement request;
        try
        {
            using var document = JsonDocument.Parse(line);
            request = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Refuse("a line that is not JSON");
        }

        if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.String)
        {
            return Refuse("a line that is no request");
        }

        clock.Heard(Field(request, "t") is { ValueKind: JsonValueKind.Number } claimed ? claimed.GetDouble() : null);
        var answer = Answer(op.GetString()!, request);
        return Violation is null && Notes.Contains(op.GetString()!) ? null : answer;
    }

    private JsonObject Answer(string op, JsonElement request)
    {
        var ledger = scenario ?? between;
        return op switch
        {
            "task" => StartTask(request),
            "begin" => Begin(request),
            "draw" => Draw(ledger, request),
            "sleep" => Sleep(ledger, request),
            "plan" => Plan(ledger, request),
            "woke" or "cancelled" => EndSleep(ledger, request, op == "cancelled"),
            "block" => Block(ledger, request),
            "blocking_wait" => Done(() => ledger.BlockingWait(request)),
            "idle" => Idle(ledger, request),
            "spy_start" => SpyStart(ledger, request),
            "spy_returned" => WithId(request, id => ledger.SpyReturned(id, request)),
            "spy_end" => WithId(request, id => ledger.SpyEnded(id, request)),
            "spy_task_end" => WithId(request, id => ledger.SpiedTaskEnded(id, Field(request, "outcome") ?? default)),
            "run_start" => Done(ledger.RunStarted),
            "run_end" => Done(() => ledger.RunEnded(Field(request, "interrupted")?.ValueKind == JsonValueKind.True)),
            "tick" => Done(ledger.Tick),
            "cleanup" => Done(() => clock.Deadline = clock.Now + CleanupAllowance),
            "end" => End(request),
            "finished" => FinishTask(),
            _ => Refuse($"an unknown request {Clip(op)}"),
        };
    }

    private JsonObject StartTask(JsonElement request)
    {
        if (currentTask is not null || scenario is not null)
        {
            return Refuse("a new task before the last one finished");
        }

        if (nextTask >= tasks.Count || Field(request, "task") is not { ValueKind: JsonValueKind.Number } task || !task.TryGetInt32(out var number) || number != tasks[nextTask])
        {
            return Refuse("a task that is not the next one it was given");
        }

        nextTask++;
        currentTask = number;
        clock.BeginTask();
        between = NewBetween();
        lastScenario = -1;
        observations[number] = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        return [];
    }

    private JsonObject Begin(JsonElement request)
    {
        if (currentTask is not { } task || scenario is not null)
        {
            return Refuse("a scenario outside a task, or inside another scenario");
        }

        var id = Field(request, "scenario")?.ValueKind == JsonValueKind.String ? request.GetProperty("scenario").GetString() : null;
        var index = id is null ? -1 : plan.ScenariosOf(task).IndexOf(id);
        if (index <= lastScenario)
        {
            return Refuse($"scenario {Clip(id)} out of the task's order");
        }

        lastScenario = index;
        var call = Field(request, "call")?.ValueKind == JsonValueKind.String ? request.GetProperty("call").GetString()! : id!;
        scenario = new ScenarioLedger(id!, Clip(call, 200), settings.Seed, clock, plan);
        clock.Deadline = clock.Now + settings.ScenarioDeadline;
        return scenario.Arguments is { } arguments ? new JsonObject { ["args"] = new JsonArray([.. arguments.Select(argument => (JsonNode)argument)]) } : [];
    }

    private static JsonObject Draw(ScenarioLedger ledger, JsonElement request)
    {
        var function = Field(request, "fn") is { ValueKind: JsonValueKind.String } fn ? fn.GetString()! : "?";
        IReadOnlyList<JsonElement> args = Field(request, "args") is { ValueKind: JsonValueKind.Array } list ? [.. list.EnumerateArray()] : [];
        var drawn = ledger.Draw(function, args, Field(request, "kwargs"), Field(request, "where"));
        return drawn.Value is { } value
            ? new JsonObject { ["value"] = value.DeepClone() }
            : new JsonObject { ["error"] = new JsonObject { ["type"] = drawn.ErrorType, ["message"] = drawn.ErrorMessage } };
    }

    private JsonObject Sleep(ScenarioLedger ledger, JsonElement request)
    {
        var id = nextId++;
        var spy = Field(request, "spy") is { ValueKind: JsonValueKind.Number } inside && inside.TryGetInt64(out var spyId) ? spyId : (long?)null;
        var start = ledger.StartSleep(id, Field(request, "delay") ?? default, Field(request, "where"), spy);
        var answer = new JsonObject { ["id"] = id, ["after"] = start.After };
        if (start.Pending)
        {
            answer["pending"] = true;
        }

        return answer;
    }

    // The child's loop would wait: the lengths of the sleeps it names that still wait for theirs.
    private static JsonObject Plan(ScenarioLedger ledger, JsonElement request) =>
        Field(request, "ids") is { ValueKind: JsonValueKind.Array } ids
            ? ledger.Decide(ids.EnumerateArray().Where(id => id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out _)).Select(id => id.GetInt64()))
            : new JsonObject { ["after"] = new JsonObject() };

    private JsonObject EndSleep(ScenarioLedger ledger, JsonElement request, bool cancelled)
    {
        if (Field(request, "id") is not { ValueKind: JsonValueKind.Number } id || !id.TryGetInt64(out var number))
        {
            return [];
        }

        return ledger.EndSleep(number, cancelled) is { } early ? Refuse(early) : [];
    }

    private JsonObject Block(ScenarioLedger ledger, JsonElement request)
    {
        if (Seconds(request, "seconds") is not { } seconds)
        {
            return Refuse("a blocking sleep of no valid length");
        }

        if (!Waits(ledger, seconds))
        {
            return new JsonObject { ["over"] = true };
        }

        ledger.Blocked(request, seconds);
        return new JsonObject { ["id"] = nextId++ };
    }

    // The loop wakes for its next timer a little late, as a real loop does (virtual time only; a wait of 0 wakes no one).
    private JsonObject Idle(ScenarioLedger ledger, JsonElement request) =>
        Seconds(request, "timeout") is not { } timeout
            ? Refuse("an idle wait of no valid length")
            : Waits(ledger, clock.IsVirtual && timeout > 0 ? timeout + ledger.WakeLatency() : timeout) ? [] : new JsonObject { ["over"] = true };

    // Virtual: time moves on at once. Real: the child waits for real after the answer; only the deadline is checked.
    private bool Waits(ScenarioLedger ledger, double seconds)
    {
        var allowed = clock.IsVirtual ? clock.Wait(seconds) : clock.Now + seconds <= clock.Deadline;
        if (!allowed)
        {
            ledger.DeclaredOver();
        }

        return allowed;
    }

    private JsonObject SpyStart(ScenarioLedger ledger, JsonElement request)
    {
        var id = nextId++;
        var function = Field(request, "fn") is { ValueKind: JsonValueKind.String } fn ? Clip(fn.GetString(), 100) : "?";
        ledger.SpyStarted(id, function, Field(request, "args"), Field(request, "kwargs"));
        return new JsonObject { ["id"] = id };
    }

    private JsonObject End(JsonElement request)
    {
        if (scenario is not { } ledger || currentTask is not { } task)
        {
            return Refuse("the end of a scenario that did not begin");
        }

        if (Field(request, "observation") is not { ValueKind: JsonValueKind.Object } sent)
        {
            return Refuse("a scenario's end without its observation");
        }

        var observation = JsonSerializer.SerializeToElement(ledger.Observation(JsonNode.Parse(sent.GetRawText())!.AsObject()));
        observationBytes += observation.GetRawText().Length;
        if (observationBytes > MaxObservationBytes)
        {
            return Refuse($"more than {MaxObservationBytes / (1024 * 1024)} MiB of observations");
        }

        observations[task][ledger.Scenario] = observation;
        scenario = null;
        between = NewBetween();
        clock.Deadline = double.PositiveInfinity;
        return [];
    }

    private JsonObject FinishTask()
    {
        if (currentTask is not { } task || scenario is not null)
        {
            return Refuse("the end of a task that did not begin, or inside a scenario");
        }

        finished.Add(task);
        currentTask = null;
        return [];
    }

    // What code left running between scenarios asks for (a worker thread, a done callback) is answered but not kept.
    private ScenarioLedger NewBetween() => new("between scenarios", string.Empty, settings.Seed, clock, plan);

    private static JsonObject WithId(JsonElement request, Action<long> action)
    {
        if (Field(request, "id") is { ValueKind: JsonValueKind.Number } id && id.TryGetInt64(out var number))
        {
            action(number);
        }

        return [];
    }

    private static JsonObject Done(Action action)
    {
        action();
        return [];
    }

    private JsonObject Refuse(string why)
    {
        Violation ??= $"the child's channel carried {why}";
        return new JsonObject { ["refused"] = why };
    }

    private static double? Seconds(JsonElement request, string name) =>
        Field(request, name) is { ValueKind: JsonValueKind.Number } value && value.GetDouble() is var seconds && double.IsFinite(seconds) && seconds >= 0 ? seconds : null;

    private static JsonElement? Field(JsonElement request, string name) => request.TryGetProperty(name, out var value) ? value : null;

    private static string Clip(string? text, int limit = 80) => text is null ? "(none)" : text.Length <= limit ? text : text[..limit] + "...";
}
