using Grader.Checks.CSharpAsync.MeasureTime;
using Grader.Checks.CSharpAsync.TaskWaitN;
using Grader.Checks.CSharpAsync.TaskWaitRandom;
using Grader.Checks.CSharpAsync.WaitN;
using Grader.Checks.CSharpAsync.WaitRandom;
using Grader.Core.Checks;
using Grader.Core.Processes;
using Grader.CSharp.Behaviour;
using Grader.CSharp.Checks;
using Grader.CSharp.Compiling;
using Grader.CSharp.Evidence;

namespace Grader.Checks.CSharpAsync;

/// <summary>The C# assignment's full catalog: the C# track's static checks, then the behaviour checks of each task.</summary>
public static class CSharpAsyncChecks
{
    public static CheckCatalog Catalog() => new(CSharpStaticChecks.All().Concat(Behaviour()));

    public static IEnumerable<ICheck> Behaviour() =>
    [
        new DelayOutOfRange(),
        new DoesNotWaitItsDelay(),
        new DelayNotFromRandom(),
        new ZeroDelay(),
        new BlocksTheThread(),
        new WaitNReturnsWrongDelays(),
        new WaitNNotConcurrent(),
        new WaitNNotInCompletionOrder(),
        new WaitNEdgeCases(),
        new WrongAverage(),
        new DoesNotReturnAStartedTask(),
        new TaskWaitNReturnsWrongDelays(),
        new TaskWaitNNotConcurrent(),
        new TaskWaitNNotInCompletionOrder(),
        new TaskWaitNEdgeCases(),
    ];

    /// <summary>The assignment's evidence sources for one compiler host: the behaviour harness runs.</summary>
    public static IReadOnlyList<ICSharpEvidenceSource> EvidenceSources(CompilerHost host, IProcessRunner runner, string assignmentDirectory) =>
    [
        new HarnessEvidenceSource(
            HarnessBuilder.Load(host, Path.Combine(assignmentDirectory, HarnessFolder)),
            new HarnessRunner(runner, host.Sdk),
            Environment.ProcessorCount),
    ];

    /// <summary>The harness sources, under the assignment folder.</summary>
    public const string HarnessFolder = "harness";
}
