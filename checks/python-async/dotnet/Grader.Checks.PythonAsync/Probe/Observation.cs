using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Grader.Checks.PythonAsync.Probe;

/// <summary>Typed reading of one scenario's raw observation (see checks/python-async/probe/README.md).</summary>
internal sealed partial class Observation(JsonElement json)
{
    public JsonElement Json => json;

    public string Call => String("call") ?? "?";

    public string Status => String("status") ?? "?";

    public JsonElement Result => Property("result") ?? default;

    public double? VirtualElapsed => Number(Property("virtual_elapsed"));

    /// <summary>Real clock only: the most a wait of the scenario overran (a loaded machine wakes a process late); 0 in virtual time.</summary>
    public double ClockLateness => Number(Property("clock_lateness")) is { } late && late > 0 ? late : 0;

    public IReadOnlyList<JsonElement> RandomCalls => Array("random_calls");

    public IReadOnlyList<JsonElement> SpyCalls => Array("spy_calls");

    public IReadOnlyList<JsonElement> BlockingSleeps => Array("blocking_sleeps");

    /// <summary>The supervisor's record of each asyncio.sleep: requested, started_at, woke_at (null while pending), ...</summary>
    public IReadOnlyList<JsonElement> SleepCalls => Array("sleep_calls");

    /// <summary>The arguments the supervisor chose for the call, or <paramref name="fallback"/> where it chose none.</summary>
    public int Argument(int index, int fallback) =>
        Array("args") is var given && index < given.Count && given[index].TryGetInt32(out var value) ? value : fallback;

    public IEnumerable<JsonElement> SpyCallsOf(string function) =>
        SpyCalls.Where(call => call.TryGetProperty("fn", out var fn) && fn.GetString() == function);

    public JsonElement? Property(string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) ? value : null;

    public string? String(string name) => Property(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public bool? Bool(string name) => Property(name)?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public IReadOnlyList<JsonElement> Array(string name) =>
        Property(name) is { ValueKind: JsonValueKind.Array } value ? [.. value.EnumerateArray()] : [];

    /// <summary>A JSON number as a double; null for anything else (bool, string, null, object).</summary>
    public static double? Number(JsonElement? value) => value is { ValueKind: JsonValueKind.Number } number ? number.GetDouble() : null;

    /// <summary>The list of numbers the JSON holds, or null when it is not a list of numbers.</summary>
    public static IReadOnlyList<double>? Numbers(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var numbers = value.EnumerateArray().Select(item => Number(item)).ToList();
        return numbers.All(number => number is not null) ? [.. numbers.Select(number => number!.Value)] : null;
    }

    /// <summary>How a value looks in a message: numbers with 2 decimals, other JSON as written.</summary>
    public static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => Format(value.GetDouble()),
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Take(12).Select(Show)) + (value.GetArrayLength() > 12 ? ", ..." : string.Empty) + "]",
        JsonValueKind.Object when value.TryGetProperty("repr", out var repr) => Scrub(repr.GetString() ?? "?"),
        JsonValueKind.Undefined => "nothing",
        _ => value.GetRawText(),
    };

    // A repr may hold memory addresses and the probe's own paths, which differ between runs: messages must not.
    private static string Scrub(string repr) => RunningAt().Replace(Address().Replace(repr, string.Empty), string.Empty);

    [GeneratedRegex(@" at 0x[0-9a-fA-F]+")]
    private static partial Regex Address();

    [GeneratedRegex(@" running at [^>]*")]
    private static partial Regex RunningAt();

    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Format(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(Format)) + "]";
}
