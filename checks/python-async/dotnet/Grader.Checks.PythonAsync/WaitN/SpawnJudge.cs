using System.Collections.Immutable;
using System.Text.Json;
using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;
using Grader.Core.Results;
using Grader.Python.Evidence;

namespace Grader.Checks.PythonAsync.WaitN;

/// <summary>The four rules wait_n and task_wait_n share, judged on the probe's observations.</summary>
internal static class SpawnJudge
{
    public static CheckOutcome ReturnsEachDelay(Observation observation, SpawnScenarios spec, Tolerance tolerance)
    {
        var (n, maxDelay) = (observation.Argument(0, -1), observation.Argument(1, -1));
        var spawned = observation.SpyCallsOf(spec.Spawned).ToList();
        if (spawned.Count != n)
        {
            return CheckOutcome.Fail($"{observation.Call} called {spec.Spawned} {spawned.Count} times; it must call it n = {n} times.");
        }

        var wrongArgument = spawned.FirstOrDefault(call => SpyArguments.Get(call, 0, "max_delay") != maxDelay);
        if (wrongArgument.ValueKind == JsonValueKind.Object)
        {
            return CheckOutcome.Fail($"{observation.Call} called {spec.Spawned} with {Observation.Show(wrongArgument.GetProperty("args"))}; it must pass max_delay = {maxDelay}.");
        }

        var returned = Observation.Numbers(observation.Result);
        if (returned is null || returned.Count != n)
        {
            return CheckOutcome.Fail($"{observation.Call} returned {Observation.Show(observation.Result)}; it must return a list of the {n} delays.{LateAppends(observation, spec.Function)}");
        }

        var delays = observation.SpyCallsOf("wait_random").Select(call => Observation.Number(call.GetProperty("returned"))).OfType<double>().Order().ToList();
        var matches = delays.Count == n && returned.Order().Zip(delays).All(pair => tolerance.Same(pair.Second, pair.First));
        return matches
            ? CheckOutcome.Pass($"{spec.Function} returns the {n} delays of its {n} {spec.Spawned} calls.")
            : CheckOutcome.Fail($"{observation.Call} returned {Observation.Format(returned)}, but the {spec.Spawned} calls it made returned {Observation.Format(delays)}: return exactly those delays.");
    }

    // Timing and order are judged on what the spy on wait_random saw (when each call started, finished, and what it
    // returned), not on the list the function returned, so a wrong list cannot hide or fake concurrency.
    public static CheckOutcome RunsConcurrently(Observation observation, Tolerance tolerance)
    {
        if (BlockingSleep.Find(observation, " The coroutines cannot overlap while the loop is blocked.") is { } blocking)
        {
            return blocking;
        }

        if (SpawnedCall.Unreadable(observation, "wait_random") is { } unreadable)
        {
            return CheckOutcome.Fail($"{observation.Call}: {unreadable}; wait_random must return the float it waited.");
        }

        var calls = SpawnedCall.Of(observation, "wait_random");
        var took = observation.VirtualElapsed ?? 0;
        if (calls.Count == 0)
        {
            return CheckOutcome.Fail($"{observation.Call} never ran wait_random, so nothing ran concurrently: it must start n calls and wait for them together.");
        }

        var longest = calls.Max(call => call.Duration);
        var sum = calls.Sum(call => call.Duration);
        if (tolerance.AtMost(longest, took))
        {
            var late = LateStarts.Describe(
                [.. calls.Select(call => (call.Started, call.Finished, tolerance.Waited(call.Duration, call.Returned)))], tolerance.Tie, "wait_random", tolerance.ClockName, Observation.Format);
            return late is not null
                ? CheckOutcome.Fail($"{observation.Call}: {late}. Start them all before awaiting any (asyncio.as_completed, or create_task then await), "
                    + "with no cap on how many run at once (an asyncio.Semaphore around the calls is one).")
                : CheckOutcome.Pass($"{observation.Call} took {Observation.Format(took)} s for a longest wait of {Observation.Format(longest)} s: the {calls.Count} coroutines ran concurrently.");
        }

        var why = tolerance.Same(sum, took)
            ? $"the {calls.Count} coroutines ran one after another instead of concurrently (their waits add up to {Observation.Format(sum)} s)"
            : "the coroutines did not all run at the same time";
        return CheckOutcome.Fail(
            $"{observation.Call} took {Observation.Format(took)} s of {tolerance.ClockName} for waits whose longest is {Observation.Format(longest)} s: {why}. "
            + "Start them all before awaiting any (asyncio.as_completed, or create_task then await).");
    }

    public static CheckOutcome ReturnsCompletionOrder(Observation observation, Tolerance tolerance, ImmutableArray<Finding> sortingEvidence)
    {
        if (SpawnedCall.Unreadable(observation, "wait_random") is { } unreadable)
        {
            return CheckOutcome.Fail($"{observation.Call}: {unreadable}; wait_random must return the float it waited.");
        }

        var calls = SpawnedCall.Of(observation, "wait_random");
        var returned = Observation.Numbers(observation.Result);
        if (calls.Count == 0)
        {
            return CheckOutcome.Fail($"{observation.Call} never ran wait_random, so its order cannot come from completion: start n calls and collect them as they finish.");
        }

        if (returned is null || returned.Count != calls.Count)
        {
            return CheckOutcome.Fail($"{observation.Call} returned {Observation.Show(observation.Result)} for {calls.Count} wait_random calls, so no order of completion can be read from it: return the {calls.Count} delays as they complete.");
        }

        // Calls that finished at the same moment may come back in either order.
        var finishing = calls.OrderBy(call => call.Finished).ThenBy(call => call.Order).ToList();
        var groups = new List<List<double>>();
        for (var index = 0; index < finishing.Count; index++)
        {
            if (index == 0 || finishing[index].Finished - finishing[index - 1].Finished > tolerance.Tie)
            {
                groups.Add([]);
            }

            groups[^1].Add(finishing[index].Returned);
        }

        if (FollowsGroups(returned, groups, tolerance))
        {
            return CheckOutcome.Pass($"{observation.Call} returns the delays in the order the coroutines finished.");
        }

        var completion = finishing.Select(call => call.Returned).ToList();
        bool Same(IEnumerable<double> order) => order.Zip(returned).All(pair => tolerance.Same(pair.First, pair.Second));
        var setup = $"In this run the grader made the coroutines finish in the order {Observation.Format(completion)}, which is not the ascending order of their values";
        var evidence = sortingEvidence.IsEmpty ? string.Empty : $" Sorting found at line {string.Join(", ", sortingEvidence.Select(finding => finding.Line))}: {string.Join("; ", sortingEvidence.Select(finding => finding.Message).Distinct())}.";
        var message = Same(completion.Order())
            ? $"{setup}; {observation.Call} returned {Observation.Format(returned)}, sorted by value: the order must come from completion (e.g. asyncio.as_completed), not from sorting.{evidence}"
            : Same(calls.Select(call => call.Returned))
                ? $"{setup}; {observation.Call} returned {Observation.Format(returned)}, the order the coroutines were started (as asyncio.gather gives): collect results as they complete (asyncio.as_completed).{evidence}"
                : $"{setup}; {observation.Call} returned {Observation.Format(returned)}, which is neither: return the delays as the coroutines complete.{evidence}";
        return CheckOutcome.Fail(message, sortingEvidence);
    }

    private static bool FollowsGroups(IReadOnlyList<double> returned, IReadOnlyList<List<double>> groups, Tolerance tolerance)
    {
        var index = 0;
        foreach (var group in groups)
        {
            var slice = returned.Skip(index).Take(group.Count).Order().ToList();
            if (slice.Count != group.Count || !slice.Zip(group.Order()).All(pair => tolerance.Same(pair.Second, pair.First)))
            {
                return false;
            }

            index += group.Count;
        }

        return index == returned.Count;
    }

    public static CheckOutcome HandlesEdgeCases(SpawnScenarios spec, Observation empty, Observation zero)
    {
        if (empty.Result.ValueKind != JsonValueKind.Array || empty.Result.GetArrayLength() != 0)
        {
            return CheckOutcome.Fail($"{empty.Call} returned {Observation.Show(empty.Result)}; with n = 0 it must return [].");
        }

        var n = zero.Argument(0, -1);
        var zeros = Observation.Numbers(zero.Result);
        return zeros is { } values && values.Count == n && values.All(value => value == 0)
            ? CheckOutcome.Pass($"{empty.Call} returns [] and {zero.Call} returns {n} zeros.")
            : CheckOutcome.Fail($"{zero.Call} returned {Observation.Show(zero.Result)}; with max_delay = 0 it must return {n} values, all 0.0.{LateAppends(zero, spec.Function)}");
    }

    // A list that grew after the call returned was filled by done callbacks the function never waited for: a race that
    // asyncio.run(...) hides, since the loop runs them before the list is printed.
    private static string LateAppends(Observation observation, string function)
    {
        var returned = observation.Result.ValueKind == JsonValueKind.Array ? observation.Result.GetArrayLength() : 0;
        var later = observation.Property("result_after_return") is { ValueKind: JsonValueKind.Array } grown ? grown.GetArrayLength() : returned;
        return later > returned
            ? $" The other {later - returned} delays were appended by done callbacks after {function} had returned: await the tasks' results (asyncio.as_completed) instead of collecting them in callbacks."
            : string.Empty;
    }

    /// <summary>Sorting the analysis found inside the function, as supporting evidence for an order failure.</summary>
    public static ImmutableArray<Finding> SortingEvidence(TaskCheckContext context, string function)
    {
        var file = context.File?.Path;
        var facts = file is null ? null : context.Evidence.Python()?.FactsFor(file, out _);
        var definition = facts?.Defs.FirstOrDefault(d => d.Depth == 0 && d.Name == function);
        var nested = facts?.Defs.Where(d => definition is not null && d.Qualname.StartsWith(definition.Qualname + ".", StringComparison.Ordinal)) ?? [];
        return [.. new[] { definition }.Concat(nested).OfType<Grader.Python.Facts.Definition>()
            .SelectMany(d => d.Sorting)
            .Select(sort => new Finding(file, sort.Line, sort.Column, "sort", sort.What ?? "sorting"))];
    }
}
