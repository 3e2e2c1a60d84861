using System.Text.Json;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Checks.CSharpAsync.Harness;

/// <summary>
/// Names the first call the harness saw block a thread inside asynchronous work: a Thread.Sleep, or a blocking wait
/// on an unfinished task (.Result, .Wait(), GetAwaiter().GetResult()) in an async method or a continuation, with
/// where it was made. A regular method blocking on a task (MeasureTime on WaitN) is what the assignment asks for.
/// </summary>
internal static class BlockingCalls
{
    public static CheckOutcome? Find(IEnumerable<Observation> observations)
    {
        foreach (var observation in observations)
        {
            var sleep = observation.Array("blocking_sleeps").FirstOrDefault();
            if (sleep.ValueKind == JsonValueKind.Object)
            {
                var sleptAt = Where(sleep);
                var seconds = Observation.Number(sleep, "seconds") ?? 0;
                return Blocked(
                    $"{observation.Call} blocked its thread with Thread.Sleep({Observation.Format(seconds)} s){At(sleptAt)}: use await Task.Delay instead.",
                    sleptAt,
                    "Thread.Sleep",
                    "blocking sleep in asynchronous code");
            }

            if (FirstWait(observation) is ({ } kind, var where))
            {
                return Blocked(
                    $"{observation.Call} blocked its thread waiting for an unfinished task with {kind}{At(where)}: in asynchronous code, await the task instead.",
                    where,
                    kind,
                    "blocking wait in asynchronous code");
            }
        }

        return null;
    }

    /// <summary>The kind (".Result") and file:line of the first blocking wait inside asynchronous work, if any.</summary>
    public static (string? Kind, string? Where) FirstWait(Observation observation)
    {
        var wait = observation.Array("blocking_waits").FirstOrDefault(found => found.TryGetProperty("in_async_work", out var inAsync) && inAsync.GetBoolean());
        return wait.ValueKind == JsonValueKind.Object ? (wait.GetProperty("kind").GetString(), Where(wait)) : (null, null);
    }

    private static CheckOutcome Blocked(string message, string? where, string? code, string finding)
    {
        var (file, line) = Split(where);
        return CheckOutcome.Fail(message, [new Finding(file, line, null, code, finding)]);
    }

    private static string? Where(JsonElement record) =>
        record.TryGetProperty("where", out var at) && at.ValueKind == JsonValueKind.String ? at.GetString() : null;

    public static string At(string? where) => where is null ? string.Empty : $" at {where}";

    private static (string? File, int? Line) Split(string? where)
    {
        var colon = where?.LastIndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(where![(colon + 1)..], out var line) ? (where[..colon], line) : (where, null);
    }
}
