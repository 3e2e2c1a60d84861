using System.Diagnostics;
using System.Text.Json;

namespace GraderHarness;

/// <summary>
/// Writes what only the harness can see of one scenario, sent with its end: how the call ended, what it returned and
/// its type, the Task's status when returned, the exception. The supervisor adds its own record (draws, delays,
/// blocking calls, spied calls, elapsed time; see checks/csharp-async/harness/README.md).
/// </summary>
internal static class LineWriter
{
    public static void Write(Utf8JsonWriter json, CallOutcome outcome)
    {
        json.WriteString("status", outcome.Ending.ToString().ToLowerInvariant());
        json.WritePropertyName("result");
        JsonValues.Write(json, outcome.Result);
        json.WriteString("result_type", outcome.Result is null ? null : TypeNames.Of(outcome.Result.GetType()));
        json.WriteString("returned_type", outcome.ReturnedType);
        json.WriteString("task_status_at_return", outcome.TaskStatusAtReturn);
        if (outcome.Exception is { } exception)
        {
            json.WriteStartObject("exception");
            json.WriteString("type", exception.GetType().Name);
            json.WriteString("message", exception.Message);
            json.WriteString("where", StudentFrames.Where(new StackTrace(exception, fNeedFileInfo: true)));
            json.WriteEndObject();
        }
    }
}

/// <summary>A value of the student's code as JSON: numbers, strings, lists of them; anything else as its text.</summary>
internal static class JsonValues
{
    public static void Write(Utf8JsonWriter json, object? value)
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
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
