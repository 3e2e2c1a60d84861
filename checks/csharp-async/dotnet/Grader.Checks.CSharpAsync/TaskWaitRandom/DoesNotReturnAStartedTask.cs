using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.TaskWaitRandom;

/// <summary>CS-BEH-030: TaskWaitRandom returns the already started task of one WaitRandom(maxDelay).</summary>
internal sealed class DoesNotReturnAStartedTask : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-030",
        3,
        "TaskWaitRandom returns the running task of WaitRandom",
        "TaskWaitRandom(5) calls WaitRandom(5) once and returns a Task<double> that is already started (not a cold new Task) and whose result is that call's delay.",
        "Handing back a running task is the lesson: the caller decides when to await it while the wait already runs.",
        "Return the task WaitRandom gives you: return BasicAsyncSyntax.WaitRandom(maxDelay);",
        "return new Task<double>(() => BasicAsyncSyntax.WaitRandom(maxDelay).Result);   // never started",
        "return BasicAsyncSyntax.WaitRandom(maxDelay);");

    public CheckOutcome Evaluate(TaskCheckContext context) => HarnessJudge.Judge(context, "task_wait_random_5", observation =>
    {
        if (observation.String("task_status_at_return") == "Created")
        {
            return CheckOutcome.Fail($"{observation.Call} returned a Task that was never started (status Created): return the running task of WaitRandom.");
        }

        var calls = observation.SpyCallsOf("WaitRandom").ToList();
        if (calls.Count != 1 || Observation.Numbers(calls[0].GetProperty("args")) is not [5])
        {
            return CheckOutcome.Fail($"{observation.Call} called WaitRandom {calls.Count} times; its task must wrap exactly one WaitRandom(5).");
        }

        var delay = Observation.Number(calls[0], "returned");
        return delay is { } value && Observation.Number(observation.Result) is { } result && HarnessJudge.Same(value, result)
            ? CheckOutcome.Pass($"{observation.Call} returns the running task of WaitRandom(5), whose result is its delay.")
            : CheckOutcome.Fail($"The task {observation.Call} returned ended with {Observation.Show(observation.Result)}, but WaitRandom(5) returned {(delay is null ? "nothing" : Observation.Format(delay.Value))}: return WaitRandom's own task.");
    });
}
