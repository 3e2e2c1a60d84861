using System.Text.Json;

namespace Grader.Checks.PythonAsync.Probe;

/// <summary>One call the spy on wait_random saw finish: when it started and ended, and what it returned.</summary>
internal sealed record SpawnedCall(int Order, double Started, double Finished, double Returned)
{
    public double Duration => Finished - Started;

    /// <summary>
    /// A message naming the first finished call of <paramref name="function"/> whose returned value is not a plain
    /// number (a float subclass, a string), or null: the judges fail on such a call rather than leave it out.
    /// </summary>
    public static string? Unreadable(Observation observation, string function)
    {
        foreach (var call in observation.SpyCallsOf(function))
        {
            var finished = call.TryGetProperty("status", out var status) && status.GetString() == "ok";
            if (finished && Observation.Number(call.TryGetProperty("returned", out var returned) ? returned : default) is null)
            {
                var type = call.TryGetProperty("returned_type", out var name) ? name.GetString() : null;
                return $"a {function} call returned {Observation.Show(returned)} (of type {type ?? "?"}), not a float, so its delay cannot be judged";
            }
        }

        return null;
    }

    /// <summary>The finished calls of <paramref name="function"/> that returned a number, in the order they were made.</summary>
    public static IReadOnlyList<SpawnedCall> Of(Observation observation, string function) =>
    [
        .. observation.SpyCallsOf(function)
            .Select(call => (
                Order: call.TryGetProperty("order", out var order) && order.ValueKind == JsonValueKind.Number ? order.GetInt32() : 0,
                Started: Observation.Number(call.TryGetProperty("started_at", out var started) ? started : default),
                Finished: Observation.Number(call.TryGetProperty("finished_at", out var finished) ? finished : default),
                Returned: Observation.Number(call.TryGetProperty("returned", out var returned) ? returned : default)))
            .Where(call => call.Started is not null && call.Finished is not null && call.Returned is not null)
            .Select(call => new SpawnedCall(call.Order, call.Started!.Value, call.Finished!.Value, call.Returned!.Value))
            .OrderBy(call => call.Order),
    ];
}
