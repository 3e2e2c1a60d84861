using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Checks.CSharpAsync.Harness;

/// <summary>Names a Thread.Sleep the harness saw, with where it was called.</summary>
internal static class BlockingSleeps
{
    public static CheckOutcome? Find(IEnumerable<Observation> observations)
    {
        foreach (var observation in observations)
        {
            var sleep = observation.Array("blocking_sleeps").FirstOrDefault();
            if (sleep.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                var where = sleep.TryGetProperty("where", out var at) && at.GetString() is { } text ? text : null;
                var seconds = Observation.Number(sleep, "seconds") ?? 0;
                var (file, line) = Split(where);
                return CheckOutcome.Fail(
                    $"{observation.Call} blocked its thread with Thread.Sleep({Observation.Format(seconds)} s){(where is null ? string.Empty : $" at {where}")}: use await Task.Delay instead.",
                    [new Finding(file, line, null, "Thread.Sleep", "blocking sleep in asynchronous code")]);
            }
        }

        return null;
    }

    private static (string? File, int? Line) Split(string? where)
    {
        var colon = where?.LastIndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(where![(colon + 1)..], out var line) ? (where[..colon], line) : (where, null);
    }
}
