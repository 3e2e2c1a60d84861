using System.Text.Json;

namespace Grader.Checks.PythonAsync.Probe;

/// <summary>Reads the arguments a spy recorded for one call (its "args" list and "kwargs" object).</summary>
internal static class SpyArguments
{
    /// <summary>The number passed at <paramref name="position"/>, or else by <paramref name="name"/>; null when neither is a number.</summary>
    public static double? Get(JsonElement call, int position, string name)
    {
        if (call.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array && args.GetArrayLength() > position)
        {
            return Observation.Number(args[position]);
        }

        return call.TryGetProperty("kwargs", out var kwargs) && kwargs.ValueKind == JsonValueKind.Object && kwargs.TryGetProperty(name, out var named)
            ? Observation.Number(named)
            : null;
    }
}
