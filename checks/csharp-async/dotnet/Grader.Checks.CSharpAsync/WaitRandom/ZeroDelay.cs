using Grader.Checks.CSharpAsync.Harness;
using Grader.Core.Checks;

namespace Grader.Checks.CSharpAsync.WaitRandom;

/// <summary>CS-BEH-004: WaitRandom(0) returns 0 at once.</summary>
internal sealed class ZeroDelay : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = BehaviourDescriptor.Create(
        "CS-BEH-004",
        0,
        "WaitRandom(0) returns 0 at once",
        "WaitRandom(0) returns 0.0 and takes no time on the grader's clock.",
        "With maxDelay 0 the only delay in range is 0; WaitN(10, 0) relies on it.",
        "Scale the random fraction by maxDelay, and do not add a minimum delay.",
        "var delay = 1 + Random.Shared.NextDouble() * maxDelay;",
        "var delay = Random.Shared.NextDouble() * maxDelay;");

    public CheckOutcome Evaluate(TaskCheckContext context) => HarnessJudge.Judge(context, "wait_random_0", observation =>
        Observation.Number(observation.Result) is 0.0 && observation.VirtualElapsed == 0
            ? CheckOutcome.Pass("WaitRandom(0) returns 0 at once.")
            : CheckOutcome.Fail($"WaitRandom(0) returned {Observation.Show(observation.Result)} after {Observation.Format(observation.VirtualElapsed)} s; it must return 0 at once."));
}
