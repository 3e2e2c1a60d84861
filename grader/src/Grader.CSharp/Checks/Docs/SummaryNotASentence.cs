using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.CSharp.Checks.Docs;

/// <summary>CS-DOC-002: every summary is a real sentence.</summary>
internal sealed class SummaryNotASentence : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-DOC-002",
        "Summaries are real sentences",
        Category.Docs,
        CheckScope.Task,
        "Each <summary> has at least the assignment's minimum number of words (3).",
        "The assignment verifies the length of documentation: one word ('Waits.') does not explain the purpose of anything.",
        "Write a sentence that says what the type or member does and, for a method, what it returns.",
        "/// <summary>Wait.</summary>",
        "/// <summary>Waits a random delay of up to maxDelay seconds and returns it.</summary>",
        ["CS-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnTree((file, tree, _) =>
    {
        var minimum = context.Assignment.MinDocstringWords;
        ImmutableArray<Finding> findings =
        [
            .. DocumentedMembers.In(tree)
                .Where(member => member.Summary is { } summary && summary.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < minimum)
                .Select(member =>
                {
                    var (line, column) = member.Comment!.GetLocation().Position();
                    return new Finding(file.Path, line, column, null, $"the summary of {member.Describe} is \"{member.Summary}\": fewer than {minimum} words");
                }),
        ];
        return CheckOutcome.FromFindings(
            findings,
            $"Every summary in {file.Path} is a sentence of at least {minimum} words.",
            found => $"{file.Path}:{found[0].Line}: {found[0].Message}"
                + (found.Length > 1 ? $"; {CSharpCheckAccess.Count(found.Length - 1, "more summary")} too short below." : "."));
    });
}
