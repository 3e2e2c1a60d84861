using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.WaitN;

/// <summary>
/// The descriptors of the four rules wait_n (task 1) and task_wait_n (task 4) share, worded for each function.
/// </summary>
internal static class SpawnDescriptors
{
    public static CheckDescriptor ReturnsEachDelay(string id, int task, SpawnScenarios spec) => BehaviourDescriptor.Create(
        id,
        task,
        $"{spec.Function} returns the delays of n {spec.Spawned} calls",
        $"{spec.Function}(n, max_delay), for two pairs of values drawn from the run's seed (a few calls and many), calls {spec.Spawned} exactly n times "
        + "with max_delay, and returns a list of the n delays those calls produced (no more, no fewer, no others).",
        "The list is the task's answer: each element must be a real delay that was waited, one per spawned call.",
        $"Call {spec.Spawned}(max_delay) n times and return the list of their results.",
        $"return [await {spec.Spawned}(max_delay)]",
        $"one {spec.Spawned}(max_delay) per i in range(n), all results collected");

    public static CheckDescriptor RunsConcurrently(string id, int task, SpawnScenarios spec) => BehaviourDescriptor.Create(
        id,
        task,
        $"{spec.Function} runs the calls concurrently",
        $"{spec.Function}(n, max_delay), for two pairs of values drawn from the run's seed, takes about as long as its largest delay, not the sum of the delays, every {spec.Spawned} call "
        + "has started before the first one finishes (no cap such as a semaphore), and the loop is never blocked with time.sleep.",
        "Concurrency is the point of the task: n waits that overlap take as long as the longest one.",
        $"Start every {spec.Spawned} call before awaiting any of them (asyncio.as_completed over the calls, or create_task for each first).",
        $"for _ in range(n):\\n    delays.append(await {spec.Spawned}(max_delay))",
        $"for done in asyncio.as_completed([{spec.Spawned}(max_delay) for _ in range(n)]):\\n    delays.append(await done)");

    public static CheckDescriptor ReturnsCompletionOrder(string id, int task, SpawnScenarios spec) => BehaviourDescriptor.Create(
        id,
        task,
        $"{spec.Function} returns the delays in completion order",
        $"In two runs (a few calls and many) the grader decides, once all the calls' sleeps are pending, the order they finish in: neither the order of "
        + $"their delays, nor the order they were started, nor its reverse, whatever wait_random does with the values. {spec.Function} must "
        + "return the delays in the order they finished. A version that sorts returns them by value and fails, and so does one "
        + "that returns them in the order they were started. Sorting found in the function (sorted, .sort, heapq, bisect, swaps) is shown as evidence.",
        "The assignment asks for the ascending order to come from concurrency itself (shorter waits finish first), without sort().",
        "Append each result as its coroutine completes: 'for done in asyncio.as_completed(...): delays.append(await done)'.",
        "delays = await asyncio.gather(*calls)\\nreturn sorted(delays)",
        "for done in asyncio.as_completed(calls):\\n    delays.append(await done)");

    public static CheckDescriptor HandlesEdgeCases(string id, int task, SpawnScenarios spec) => BehaviourDescriptor.Create(
        id,
        task,
        $"{spec.Function} handles n = 0 and max_delay = 0",
        $"{spec.Function}(0, max_delay) returns an empty list, and {spec.Function}(n, 0) returns n 0.0 values (max_delay and n drawn from the run's seed).",
        "Edge cases show whether the code follows n and max_delay rather than assuming typical values.",
        "Spawn exactly n calls (range(n)) and return what they return.",
        "return [0.0] if n == 0 else delays",
        "return delays  # [] when n == 0");
}
