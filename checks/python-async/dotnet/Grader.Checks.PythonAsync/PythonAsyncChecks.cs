using Grader.Checks.PythonAsync.Chain;
using Grader.Checks.PythonAsync.MeasureTime;
using Grader.Checks.PythonAsync.TaskWaitN;
using Grader.Checks.PythonAsync.TaskWaitRandom;
using Grader.Checks.PythonAsync.WaitN;
using Grader.Checks.PythonAsync.WaitRandom;
using Grader.Core.Checks;
using Grader.Python.Checks;

namespace Grader.Checks.PythonAsync;

/// <summary>The assignment's full catalog: the Python track's static checks, then the behaviour checks of each task.</summary>
public static class PythonAsyncChecks
{
    public static CheckCatalog Catalog() => new(PythonStaticChecks.All().Concat(Behaviour()));

    public static IEnumerable<ICheck> Behaviour() =>
    [
        new CopiesAnEarlierFunction(),
        new NotACoroutineFunction(),
        new IgnoresMaxDelay(),
        new DoesNotReturnAFloat(),
        new DoesNotWaitItsDelay(),
        new DelayNotFromRandom(),
        new ZeroDelay(),
        new BlocksTheEventLoop(),
        new WaitNReturnsWrongDelays(),
        new WaitNNotConcurrent(),
        new WaitNNotInCompletionOrder(),
        new WaitNEdgeCases(),
        new DoesNotRunWaitNOnce(),
        new WrongAverage(),
        new DoesNotReturnATask(),
        new DoesNotWrapWaitRandom(),
        new TaskWaitNReturnsWrongDelays(),
        new TaskWaitNNotConcurrent(),
        new TaskWaitNNotInCompletionOrder(),
        new TaskWaitNEdgeCases(),
        new MainWaitRandom(),
        new MainWaitN(),
        new MainMeasureTime(),
        new MainTaskClass(),
        new MainTaskWaitN(),
    ];
}
