using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace Grader.CSharp.Checks.Style;

/// <summary>CS-STYLE-001: the file's whitespace is what the default dotnet format rules produce.</summary>
internal sealed class FormattingDifferences : ITaskCheck
{
    private const int MaxFindings = 50;

    public CheckDescriptor Descriptor { get; } = new(
        "CS-STYLE-001",
        "Formatting matches dotnet format",
        Category.Style,
        CheckScope.Task,
        "Roslyn's formatter, with the default options dotnet format applies (4-space indentation, braces on their own lines, "
        + "one space around binary operators and after keywords and commas), changes nothing in the file; each span it would change is listed.",
        "A consistent layout lets readers (and graders) see the structure at a glance; every C# project formats alike with dotnet format.",
        "Run dotnet format in the project folder (or format the document in your editor), then check the lines listed below.",
        "if(delay>maxDelay){return delay;}",
        "if (delay > maxDelay)\\n{\\n    return delay;\\n}",
        ["CS-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnTree((file, tree, evidence) =>
    {
        var text = tree.GetText();
        ImmutableArray<Finding> findings =
        [
            .. Differences(tree, evidence.Host.FormattingWorkspace)
                .Take(MaxFindings)
                .Select(change => Describe(file.Path, text, change)),
        ];
        return CheckOutcome.FromFindings(
            findings,
            $"{file.Path} is formatted as dotnet format would.",
            found => $"{file.Path}:{found[0].Line}: {found[0].Message}"
                + (found.Length > 1 ? $" ({CSharpCheckAccess.Count(found.Length, "formatting difference")}{(found.Length == MaxFindings ? " or more" : string.Empty)}, listed below; dotnet format fixes them all)." : "."));
    });

    /// <summary>The whitespace changes the formatter would make to the tree: the spans dotnet format's whitespace pass reports.</summary>
    public static IEnumerable<TextChange> Differences(SyntaxTree tree, Workspace workspace)
    {
        var text = tree.GetText();
        return Formatter.GetFormattedTextChanges(tree.GetRoot(), workspace)
            .Where(change => text.GetSubText(change.Span).ToString() != change.NewText);
    }

    private static Finding Describe(string path, SourceText text, TextChange change)
    {
        var position = text.Lines.GetLinePosition(change.Span.Start);
        var was = Show(text.GetSubText(change.Span).ToString());
        var wants = Show(change.NewText ?? string.Empty);
        return new Finding(path, position.Line + 1, position.Character + 1, "format", $"whitespace {was} should be {wants}");
    }

    // Whitespace made visible: "·" for a space, "\t", "\n".
    private static string Show(string whitespace) => whitespace.Length == 0
        ? "(nothing)"
        : "\"" + whitespace.Replace(" ", "·", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
