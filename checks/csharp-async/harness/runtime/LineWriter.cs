using System.Diagnostics;
using System.Text.Json;

namespace GraderHarness;

/// <summary>Writes one scenario's observations as the fields of its results line (see checks/csharp-async/harness/README.md).</summary>
internal static class LineWriter
{
    public static void Write(Utf8JsonWriter json, Scenario scenario, ScenarioState state, CallOutcome outcome)
    {
        json.WriteString("scenario", scenario.Id);
        json.WriteString("call", scenario.Call);
        json.WriteString("status", outcome.Ending.ToString().ToLowerInvariant());
        json.WritePropertyName("result");
        Value(json, outcome.Result);
        json.WriteString("result_type", outcome.Result is null ? null : TypeNames.Of(outcome.Result.GetType()));
        json.WriteString("returned_type", outcome.ReturnedType);
        json.WriteString("task_status_at_return", outcome.TaskStatusAtReturn);
        json.WriteNumber("virtual_elapsed", Math.Round(outcome.VirtualElapsed, 9));
        if (outcome.Exception is { } exception)
        {
            json.WriteStartObject("exception");
            json.WriteString("type", exception.GetType().Name);
            json.WriteString("message", exception.Message);
            json.WriteString("where", StudentFrames.Where(new StackTrace(exception, fNeedFileInfo: true)));
            json.WriteEndObject();
        }

        if (scenario.WakePlan is { } plan)
        {
            Numbers(json, "planned_fractions", scenario.Planned);
            Numbers(json, "wake_plan", plan);
            json.WriteNumber("decouple_scale", scenario.DecoupleScale ?? 0);
        }

        json.WriteStartArray("random_calls");
        foreach (var call in state.RandomCalls.ToList())
        {
            json.WriteStartObject();
            json.WriteString("fn", call.Fn);
            Numbers(json, "args", call.Args);
            json.WriteNumber("value", call.Value);
            json.WriteNumber("fraction", call.Fraction);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("delays");
        foreach (var delay in state.Delays.ToList())
        {
            json.WriteStartObject();
            json.WriteNumber("requested", delay.Requested);
            json.WriteNumber("started_at", delay.StartedAt);
            Number(json, "woke_at", delay.WokeAt);
            Number(json, "remapped_to", delay.RemappedTo);
            Number(json, "random_call", delay.RandomCall);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("blocking_sleeps");
        foreach (var sleep in state.BlockingSleeps.ToList())
        {
            json.WriteStartObject();
            json.WriteNumber("seconds", sleep.Seconds);
            json.WriteNumber("at", sleep.At);
            json.WriteBoolean("in_async_work", sleep.InAsyncWork);
            json.WriteString("where", sleep.Where);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("blocking_waits");
        foreach (var wait in state.BlockingWaits.ToList())
        {
            json.WriteStartObject();
            json.WriteString("kind", wait.Kind);
            json.WriteNumber("at", wait.At);
            json.WriteBoolean("in_async_work", wait.InAsyncWork);
            json.WriteString("where", wait.Where);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("spy_calls");
        foreach (var call in state.SpyCalls.ToList())
        {
            json.WriteStartObject();
            json.WriteString("fn", call.Fn);
            json.WritePropertyName("args");
            Value(json, call.Args);
            json.WriteNumber("order", call.Order);
            json.WriteNumber("started_at", call.StartedAt);
            Number(json, "finished_at", call.FinishedAt);
            json.WriteString("status", call.Status);
            json.WritePropertyName("returned");
            Value(json, call.Returned);
            json.WriteString("returned_type", call.ReturnedType);
            json.WriteString("task_status_at_return", call.TaskStatusAtReturn);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Value(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case double number when double.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case int or long or short or byte or decimal:
                json.WriteNumberValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case System.Collections.IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items.Cast<object?>().Take(1000))
                {
                    Value(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void Numbers(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
