using System.Globalization;
using System.Text.Json;

namespace Grader.Checks.CSharpAsync.Harness;

/// <summary>Typed reads of one scenario's results line (the fields are described in checks/csharp-async/harness/README.md).</summary>
internal sealed record Observation(JsonElement Line)
{
    public string Status => String("status") ?? "missing";

    public string Call => String("call") ?? "the call";

    public JsonElement Result => Line.TryGetProperty("result", out var result) ? result : default;

    public double VirtualElapsed => Line.TryGetProperty("virtual_elapsed", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;

    public string? String(string name) => Line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public IEnumerable<JsonElement> Array(string name) =>
        Line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    public IEnumerable<JsonElement> SpyCallsOf(string fn) => Array("spy_calls").Where(call => call.GetProperty("fn").GetString() == fn);

    public static double? Number(JsonElement element) => element.ValueKind == JsonValueKind.Number ? element.GetDouble() : null;

    public static double? Number(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? Number(value) : null;

    public static IReadOnlyList<double>? Numbers(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array && element.EnumerateArray().All(item => item.ValueKind == JsonValueKind.Number)
            ? [.. element.EnumerateArray().Select(item => item.GetDouble())]
            : null;

    public static string Format(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    public static string Format(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(Format)) + "]";

    public static string Show(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "null",
        JsonValueKind.Number => Format(element.GetDouble()),
        JsonValueKind.Array when Numbers(element) is { } numbers => Format(numbers),
        _ => element.GetRawText(),
    };
}
