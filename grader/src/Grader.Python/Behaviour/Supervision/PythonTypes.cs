using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grader.Python.Behaviour.Supervision;

/// <summary>
/// The Python type of a number the probe sent, read from the number itself rather than from the name the probe
/// gives: the probe's <c>json.dumps</c> writes an int without a point or an exponent and a float always with one (a
/// float subclass, NaN and infinities are sent as opaque objects), so a replaced <c>builtins.type</c> cannot make an
/// int pass for a float.
/// </summary>
internal static class PythonTypes
{
    public static string? OfNumber(JsonNode? value)
    {
        if (value is not JsonValue number || number.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        return number.ToJsonString().AsSpan().IndexOfAny(".eE") >= 0 ? "float" : "int";
    }

    /// <summary>Puts the types read from the numbers in place of the probe's names for the result and its items.</summary>
    public static void Correct(JsonObject observation)
    {
        if (OfNumber(observation["result"]) is { } type)
        {
            observation["result_type"] = type;
        }

        if (observation["result"] is JsonArray items && observation["result_element_types"] is JsonArray names)
        {
            for (var index = 0; index < Math.Min(items.Count, names.Count); index++)
            {
                if (OfNumber(items[index]) is { } itemType)
                {
                    names[index] = itemType;
                }
            }
        }
    }
}
