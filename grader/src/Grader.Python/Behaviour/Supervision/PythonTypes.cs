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
}
