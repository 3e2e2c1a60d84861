using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.CSharp.Checks.Docs;

/// <summary>CS-DOC-001: every type and member has an XML doc comment with a summary.</summary>
internal sealed class MissingDocComment : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-DOC-001",
        "Types and members have doc comments",
        Category.Docs,
        CheckScope.Task,
        "Every class, struct, record, interface, enum, delegate, method, constructor, property, field and event, private ones included, "
        + "has a /// comment with a <summary> element (or <inheritdoc/>).",
        "The assignment requires documentation; doc comments show in IntelliSense and generated docs, and say what code does without reading it.",
        "Add a /// <summary>...</summary> comment above each declaration listed below.",
        "public static async Task<double> WaitRandom(int maxDelay = 10)",
        "/// <summary>Waits a random delay and returns it.</summary>\\npublic static async Task<double> WaitRandom(int maxDelay = 10)",
        ["CS-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnTree((file, tree, _) =>
    {
        ImmutableArray<Finding> findings =
        [
            .. DocumentedMembers.In(tree)
                .Where(member => !member.Inherits && member.Summary is null)
                .Select(member =>
                {
                    var (line, column) = member.Declaration.GetLocation().Position();
                    return new Finding(file.Path, line, column, null, $"{member.Describe} has no doc comment with a <summary>");
                }),
        ];
        return CheckOutcome.FromFindings(
            findings,
            $"Every type and member in {file.Path} has a doc comment.",
            found => $"{file.Path}:{found[0].Line}: {found[0].Message}"
                + (found.Length > 1 ? $"; {CSharpCheckAccess.Count(found.Length - 1, "more declaration")} without one below." : "."));
    });
}
