using System.Text.Json;

namespace GraderHarness;

/// <summary>
/// One scenario's side of the channel: the virtual clock the student's code reads (following the supervisor's
/// time), the pump, and the requests every instrument makes. The record of what was drawn, slept, blocked and
/// called is the supervisor's: nothing here holds it.
/// </summary>
internal sealed class ScenarioState(Channel channel)
{
    public Channel Channel => channel;

    public VirtualClock Clock { get; } = new(channel);

    public PumpContext Context { get; } = new();

    /// <summary>The thread that runs the student's call (its synchronous part); set by the pump when it starts it.</summary>
    public Thread? Caller { get; set; }

    /// <summary>The thread that pumps the continuations.</summary>
    public Thread? PumpThread { get; set; }

    /// <summary>Set when a blocking wait inside the work found that nothing will ever complete its task.</summary>
    public Ending? Abandoned { get; set; }

    /// <summary>Asks for the value of one draw of the student's Random.</summary>
    public double Draw(string fn, double[] args)
    {
        var answer = channel.Ask("draw", json =>
        {
            json.WriteString("fn", fn);
            json.WriteStartArray("args");
            foreach (var arg in args)
            {
                json.WriteNumberValue(arg);
            }

            json.WriteEndArray();
        });
        return answer.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new ArgumentOutOfRangeException(fn, answer.TryGetProperty("error", out var error) ? error.ToString() : "no value");
    }

    /// <summary>Asks to begin a Task.Delay: its id, and how long it really lasts (null: as asked).</summary>
    public (long Id, double? After) StartDelay(TimeSpan requested)
    {
        var answer = channel.Ask("sleep", json => json.WriteNumber("delay", requested.TotalSeconds));
        return (answer.GetProperty("id").GetInt64(), answer.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.Number ? after.GetDouble() : null);
    }

    public void EndDelay(long delay, bool woke) => channel.Tell(woke ? "woke" : "cancelled", json => json.WriteNumber("id", delay));

    public void BlockingSleep(TimeSpan span, bool inAsyncWork, string? where) =>
        channel.Ask("block", json =>
        {
            json.WriteNumber("seconds", Math.Max(0, span.TotalSeconds));
            json.WriteBoolean("in_async_work", inAsyncWork);
            json.WriteString("where", where);
        });

    public void BlockingWait(string kind, bool inAsyncWork, string? where) =>
        channel.Tell("blocking_wait", json =>
        {
            json.WriteString("kind", kind);
            json.WriteBoolean("in_async_work", inAsyncWork);
            json.WriteString("where", where);
        });

    public long SpyStarted(string fn, object?[] args) =>
        channel.Ask("spy_start", json =>
        {
            json.WriteString("fn", fn);
            json.WritePropertyName("args");
            JsonValues.Write(json, args);
        }).GetProperty("id").GetInt64();

    /// <summary>What a spied method returned at once: a Task (and its status then) that ends later, or a value.</summary>
    public void SpyReturned(long call, string? returnedType, string? taskStatusAtReturn) =>
        channel.Tell("spy_returned", json =>
        {
            json.WriteNumber("id", call);
            json.WriteString("returned_type", returnedType);
            json.WriteString("task_status_at_return", taskStatusAtReturn);
        });

    public void SpyEnded(long call, string status, object? returned) =>
        channel.Tell("spy_end", json =>
        {
            json.WriteNumber("id", call);
            json.WriteString("status", status);
            json.WritePropertyName(status == "ok" ? "returned" : "exception");
            JsonValues.Write(json, returned);
        });
}
