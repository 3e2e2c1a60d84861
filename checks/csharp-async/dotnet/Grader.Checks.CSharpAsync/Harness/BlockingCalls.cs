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
                var where = Where(sleep);
                var seconds = Observation.Number(sleep, "seconds") ?? 0;
                return Blocked(
                    $"{observation.Call} blocked its thread with Thread.Sleep({Observation.Format(seconds)} s){At(where)}: use await Task.Delay instead.",
                    where,
                    "Thread.Sleep",
                    "blocking sleep in asynchronous code");
            }

            var wait = observation.Array("blocking_waits").FirstOrDefault(found => found.TryGetProperty("in_async_work", out var inAsync) && inAsync.GetBoolean());
            if (wait.ValueKind == JsonValueKind.Object)
            {
                var where = Where(wait);
                var kind = wait.GetProperty("kind").GetString();
                return Blocked(
                    $"{observation.Call} blocked its thread waiting for an unfinished task with {kind}{At(where)}: in asynchronous code, await the task instead.",
                    where,
                    kind,
                    "blocking wait in asynchronous code");
            }
        }

        return null;
    }

    private static CheckOutcome Blocked(string message, string? where, string? code, string finding)
    {
        var (file, line) = Split(where);
        return CheckOutcome.Fail(message, [new Finding(file, line, null, code, finding)]);
    }

    private static string? Where(JsonElement record) =>
        record.TryGetProperty("where", out var at) && at.ValueKind == JsonValueKind.String ? at.GetString() : null;

    private static string At(string? where) => where is null ? string.Empty : $" at {where}";

    private static (string? File, int? Line) Split(string? where)
    {
        var colon = where?.LastIndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(where![(colon + 1)..], out var line) ? (where[..colon], line) : (where, null);
    }
}
