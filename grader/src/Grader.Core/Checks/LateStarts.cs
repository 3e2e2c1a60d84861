namespace Grader.Core.Checks;

/// <summary>
/// The concurrency rule both tracks' spawn checks share (PY-BEH-011/041, CS-BEH-011/041): every spawned call must
/// have started before the first one that really waited finished. A call that starts only afterwards was held back
/// by a cap on concurrency (a semaphore, a parallel loop's degree of parallelism), which the total time alone misses
/// when the late calls are short.
/// </summary>
public static class LateStarts
{
    /// <summary>
    /// Says how many calls started too late, or null when none did (or no call waited at all).
    /// </summary>
    /// <param name="calls">When each call started and finished, in seconds of <paramref name="clockName"/>.</param>
    /// <param name="minimumWait">A call that took no longer than this did not wait (a zero delay ends at once).</param>
    /// <param name="margin">A start this close to the first end counts as after it.</param>
    /// <param name="function">The spawned function as the student wrote it (wait_random, WaitRandom).</param>
    /// <param name="format">How the track's messages write seconds.</param>
    public static string? Describe(
        IReadOnlyCollection<(double Started, double Finished)> calls,
        double minimumWait,
        double margin,
        string function,
        string clockName,
        Func<double, string> format) =>
        Describe([.. calls.Select(call => (call.Started, call.Finished, call.Finished - call.Started > minimumWait))], margin, function, clockName, format);

    /// <summary>As above, with each call saying itself whether it really waited.</summary>
    public static string? Describe(
        IReadOnlyCollection<(double Started, double Finished, bool Waited)> calls,
        double margin,
        string function,
        string clockName,
        Func<double, string> format)
    {
        var waited = calls.Where(call => call.Waited).ToList();
        if (waited.Count == 0)
        {
            return null;
        }

        var firstEnd = waited.Min(call => call.Finished);
        var late = calls.Count(call => call.Started >= firstEnd - margin);
        return late == 0
            ? null
            : $"only {calls.Count - late} of its {calls.Count} {function} calls had started when the first one finished "
                + $"(at {format(firstEnd)} s of {clockName}); {(late == 1 ? "the last one" : $"the other {late}")} started later, "
                + "so they did not all run at the same time";
    }
}
