using System.Text.Json;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Checks.PythonAsync.Probe;

/// <summary>Names the first blocking time.sleep a scenario observed, with the student's file and line.</summary>
internal static class BlockingSleep
{
    public static CheckOutcome? Find(Observation observation)
    {
        var blocking = observation.BlockingSleeps.FirstOrDefault();
        if (blocking.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var file = blocking.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        int? line = blocking.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : null;
        var seconds = Observation.Number(blocking.TryGetProperty("seconds", out var s) ? s : default) ?? 0;
        var where = file is null ? string.Empty : $" at {file}:{line}";
        return CheckOutcome.Fail(
            $"{observation.Call} called time.sleep({Observation.Format(seconds)}){where}, which blocks the whole event loop: use 'await asyncio.sleep(...)'.",
            [new Finding(file, line, null, "time.sleep", "blocking sleep inside a coroutine")]);
    }
}
