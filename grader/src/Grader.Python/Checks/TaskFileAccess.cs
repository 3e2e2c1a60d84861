using Grader.Core.Checks;
using Grader.Core.Submissions;
using Grader.Python.Evidence;
using Grader.Python.Facts;

namespace Grader.Python.Checks;

// Lets a check that needs the parser's facts about its task file say so once; when the analysis could not run,
// the check reports error with the reason, never a pass.
internal static class TaskFileAccess
{
    public static CheckOutcome Judge(this TaskCheckContext context, Func<SubmissionFile, FileFacts, CheckOutcome> judge)
    {
        if (context.File is null)
        {
            return Missing(context);
        }

        if (context.Evidence.Python() is not { } evidence)
        {
            return NoEvidence();
        }

        var facts = evidence.FactsFor(context.File.Path, out var failure);
        return facts is null
            ? CheckOutcome.Error($"The Python analysis of {context.File.Path} could not run: {failure}")
            : judge(context.File, facts);
    }

    /// <summary>For checks that read the file's bytes: the file must exist (the engine's prerequisites normally ensure it).</summary>
    public static CheckOutcome OnFile(this TaskCheckContext context, Func<SubmissionFile, CheckOutcome> judge) =>
        context.File is null ? Missing(context) : judge(context.File);

    /// <summary>The Python evidence is missing only when the grader itself is broken.</summary>
    public static CheckOutcome NoEvidence() => CheckOutcome.Error("The Python tools' evidence is missing, so this check cannot run; please report it.");

    private static CheckOutcome Missing(TaskCheckContext context) =>
        CheckOutcome.Error($"{context.Task.File} is missing, so this check cannot run.");
}
