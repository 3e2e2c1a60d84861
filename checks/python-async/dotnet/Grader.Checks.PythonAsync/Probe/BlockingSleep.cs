using System.Text.Json;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Checks.PythonAsync.Probe;

/// <summary>Names the first blocking time.sleep a scenario observed, with the student's file and line.</summary>
internal static class BlockingSleep
{
    /// <param name="onTheLoop">What to add when the sleep blocked the event loop itself (the caller's consequence).</param>
    public static CheckOutcome? Find(Observation observation, string onTheLoop = "")
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
        // run_in_executor(None, time.sleep, d) or asyncio.to_thread: the loop stays free, but the wait is still not asyncio's.
        var inWorkerThread = blocking.TryGetProperty("in_main_thread", out var main) && main.ValueKind == JsonValueKind.False;
        return inWorkerThread
            ? CheckOutcome.Fail(
                $"{observation.Call} waits with time.sleep({Observation.Format(seconds)}){where} in a worker thread (run_in_executor or asyncio.to_thread): "
                    + "the event loop stays free, but every wait ties up a thread, and the grader's clock runs such sleeps one after another. "
                    + "The task asks for 'await asyncio.sleep(...)'.",
                [new Finding(file, line, null, "time.sleep", "blocking sleep in a worker thread")])
            : CheckOutcome.Fail(
                $"{observation.Call} called time.sleep({Observation.Format(seconds)}){where}, which blocks the whole event loop: use 'await asyncio.sleep(...)'.{onTheLoop}",
                [new Finding(file, line, null, "time.sleep", "blocking sleep inside a coroutine")]);
    }
}
