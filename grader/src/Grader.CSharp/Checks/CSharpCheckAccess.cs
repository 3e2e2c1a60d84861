using System.Globalization;
using Grader.Core.Checks;
using Grader.Core.Submissions;
using Grader.CSharp.Evidence;
using Microsoft.CodeAnalysis;

namespace Grader.CSharp.Checks;

// Lets a C# check reach its file's syntax tree in one line; when the C# evidence is missing (a grader bug), the
// check reports error, never a pass.
internal static class CSharpCheckAccess
{
    public static CSharpEvidence? CSharp(this Grader.Core.Evidence.SubmissionEvidence evidence) =>
        evidence.Items.GetValueOrDefault(CSharpEvidence.Key) as CSharpEvidence;

    public static CheckOutcome OnTree(this TaskCheckContext context, Func<SubmissionFile, SyntaxTree, CSharpEvidence, CheckOutcome> judge)
    {
        if (context.File is null)
        {
            return CheckOutcome.Error($"{context.Task.File} is missing, so this check cannot run.");
        }

        if (context.Evidence.CSharp() is not { } evidence || evidence.TreeOf(context.File.Path) is not { } tree)
        {
            return CheckOutcome.Error($"The C# compiler did not read {context.File.Path}, so this check cannot run; please report it.");
        }

        return judge(context.File, tree, evidence);
    }

    public static CheckOutcome OnFile(this TaskCheckContext context, Func<SubmissionFile, CheckOutcome> judge) =>
        context.File is null ? CheckOutcome.Error($"{context.Task.File} is missing, so this check cannot run.") : judge(context.File);

    /// <summary>1-based line and column of a location.</summary>
    public static (int Line, int Column) Position(this Location location)
    {
        var start = location.GetLineSpan().StartLinePosition;
        return (start.Line + 1, start.Character + 1);
    }

    public static string Where(string file, Location location)
    {
        var (line, column) = location.Position();
        return $"{file}:{line}:{column}";
    }

    public static string Count(int count, string singular) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : singular + "s");
}
