using System.Text.Json;
using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.WaitN;

/// <summary>
/// The four rules WaitN and TaskWaitN share, judged on what the spies saw: when each WaitRandom call started and
/// finished and what it returned, so a wrong list cannot hide or fake concurrency.
/// </summary>
internal static class SpawnRules
{
    public static CheckOutcome ReturnsEachDelay(Observation observation, string spawned, int n, int maxDelay)
    {
        var calls = observation.SpyCallsOf(spawned).ToList();
        if (calls.Count != n)
        {
            return CheckOutcome.Fail($"{observation.Call} called {spawned} {calls.Count} times; it must call it n = {n} times.");
        }

        var wrong = calls.FirstOrDefault(call => Observation.Numbers(call.GetProperty("args")) is not [var first] || first != maxDelay);
        if (wrong.ValueKind == JsonValueKind.Object)
        {
            return CheckOutcome.Fail($"{observation.Call} called {spawned} with {Observation.Show(wrong.GetProperty("args"))}; it must pass maxDelay = {maxDelay}.");
        }

        var returned = Observation.Numbers(observation.Result);
        if (returned is null || returned.Count != n)
        {
            return CheckOutcome.Fail($"{observation.Call} returned {Observation.Show(observation.Result)}; it must return a list of the {n} delays.");
        }

        var delays = observation.SpyCallsOf("WaitRandom").Select(call => Observation.Number(call, "returned")).OfType<double>().Order().ToList();
        return delays.Count == n && returned.Order().Zip(delays).All(pair => HarnessJudge.Same(pair.Second, pair.First))
            ? CheckOutcome.Pass($"{observation.Call} returns the {n} delays of its {n} {spawned} calls.")
            : CheckOutcome.Fail($"{observation.Call} returned {Observation.Format(returned)}, but the WaitRandom calls it made returned {Observation.Format(delays)}: return exactly those delays.");
    }

    public static CheckOutcome RunsConcurrently(Observation observation)
    {
        if (BlockingCalls.Find([observation]) is { } blocking)
        {
            return blocking with { Message = blocking.Message + " Concurrent waits are awaited, never blocked on." };
        }

        var calls = Spawned(observation);
        if (calls.Count == 0)
        {
            return CheckOutcome.Fail($"{observation.Call} never ran WaitRandom, so nothing ran concurrently: start n waits and await them together.");
        }

        var longest = calls.Max(call => call.Finished - call.Started);
        var sum = calls.Sum(call => call.Finished - call.Started);
        var took = observation.VirtualElapsed;
        if (took <= longest + HarnessJudge.Tolerance)
        {
            var late = LateStarts.Describe(
                [.. calls.Select(call => (call.Started, call.Finished))], HarnessJudge.Tolerance, 1e-9, "WaitRandom", "the grader's clock", Observation.Format);
            return late is not null
                ? CheckOutcome.Fail($"{observation.Call}: {late}. Start every wait before awaiting any (collect the tasks first, then Task.WhenEach or Task.WhenAny), "
                    + "with no cap on how many run at once (a Parallel.ForEachAsync caps them at its MaxDegreeOfParallelism).")
                : CheckOutcome.Pass($"{observation.Call} took {Observation.Format(took)} s for a longest wait of {Observation.Format(longest)} s: the {calls.Count} waits ran concurrently.");
        }

        var why = HarnessJudge.Same(sum, took)
            ? $"the {calls.Count} waits ran one after another (their delays add up to {Observation.Format(sum)} s)"
            : "the waits did not all run at the same time";
        return CheckOutcome.Fail($"{observation.Call} took {Observation.Format(took)} s of the grader's clock for waits whose longest is {Observation.Format(longest)} s: {why}. "
            + "Start every wait before awaiting any (collect the tasks first, then Task.WhenEach or Task.WhenAny).");
    }

    public static CheckOutcome ReturnsCompletionOrder(Observation observation)
    {
        // A blocked thread holds up the waits behind it, so a wrong order is then the blocking call's doing: name that.
        var verdict = CompletionOrder(observation);
        return verdict.Status != Grader.Core.Results.CheckStatus.Passed && BlockingCalls.Find([observation]) is { } blocking
            ? blocking with { Message = blocking.Message + " While a thread is blocked, the waits cannot finish in their own order." }
            : verdict;
    }

    private static CheckOutcome CompletionOrder(Observation observation)
    {
        var calls = Spawned(observation);
        var returned = Observation.Numbers(observation.Result);
        if (calls.Count == 0 || returned is null || returned.Count != calls.Count)
        {
            return CheckOutcome.Fail($"{observation.Call} returned {Observation.Show(observation.Result)} for {calls.Count} WaitRandom calls, so no order of completion can be read from it: return the delays as the waits complete.");
        }

        var completion = calls.OrderBy(call => call.Finished).ThenBy(call => call.Order).Select(call => call.Returned).ToList();
        bool Same(IEnumerable<double> order) => order.Zip(returned).All(pair => HarnessJudge.Same(pair.First, pair.Second));
        if (Same(completion))
        {
            return CheckOutcome.Pass($"{observation.Call} returns the delays in the order the waits finished.");
        }

        var setup = $"In this run the grader made the waits finish in the order {Observation.Format(completion)}, which is not the ascending order of their values";
        var message = Same(completion.Order())
            ? $"{setup}; {observation.Call} returned {Observation.Format(returned)}, sorted by value: the order must come from completion (Task.WhenEach, Task.WhenAny), not from OrderBy or Sort."
            : Same(calls.Select(call => call.Returned))
                ? $"{setup}; {observation.Call} returned {Observation.Format(returned)}, the order the waits were started (as Task.WhenAll gives): collect the results as they complete."
                : $"{setup}; {observation.Call} returned {Observation.Format(returned)}, which is neither: return the delays as the waits complete.";
        return CheckOutcome.Fail(message);
    }

    public static CheckOutcome HandlesEdgeCases(Observation empty, Observation zero)
    {
        if (Observation.Numbers(empty.Result) is not { Count: 0 })
        {
            return CheckOutcome.Fail($"{empty.Call} returned {Observation.Show(empty.Result)}; with n = 0 it must return an empty list.");
        }

        return Observation.Numbers(zero.Result) is { Count: 10 } zeros && zeros.All(value => value == 0)
            ? CheckOutcome.Pass($"{empty.Call} returns an empty list and {zero.Call} returns ten zeros.")
            : CheckOutcome.Fail($"{zero.Call} returned {Observation.Show(zero.Result)}; with maxDelay = 0 it must return ten 0.0 values.");
    }

    private static List<(int Order, double Started, double Finished, double Returned)> Spawned(Observation observation) =>
    [
        .. observation.SpyCallsOf("WaitRandom")
            .Where(call => Observation.Number(call, "finished_at") is not null && Observation.Number(call, "returned") is not null)
            .Select(call => ((int)Observation.Number(call, "order")!.Value, Observation.Number(call, "started_at")!.Value, Observation.Number(call, "finished_at")!.Value, Observation.Number(call, "returned")!.Value)),
    ];
}
