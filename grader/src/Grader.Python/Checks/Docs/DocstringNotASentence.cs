using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Docs;

/// <summary>PY-DOC-003: each docstring is a real sentence, not one or two words.</summary>
internal sealed class DocstringNotASentence : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-DOC-003",
        "Docstrings are real sentences",
        Category.Docs,
        CheckScope.Task,
        "Every docstring (module, function, coroutine, class, method) has at least the assignment's minimum number of "
        + "words (min_docstring_words in checks/<assignment>/assignment.json; 3 by default).",
        "The assignment verifies the length of documentation: a docstring must explain the purpose, which one word cannot.",
        "Write a sentence that says what the code does and returns, e.g. 'Wait a random delay and return it.'",
        "\"\"\"Waits.\"\"\"",
        "\"\"\"Wait for a random delay of up to max_delay seconds and return it.\"\"\"",
        ["PY-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.Judge((file, facts) =>
    {
        var minimum = context.Assignment.MinDocstringWords;
        var module = facts.ModuleDoc is { } doc && IsShort(doc.Text, minimum)
            ? [new Finding(file.Path, doc.Line, null, null, $"the module docstring \"{doc.Text.Trim()}\" has {Words(doc.Text)} of the {minimum} needed")]
            : Array.Empty<Finding>();
        var definitions = facts.Defs
            .Where(definition => definition.Docstring is { } text && !string.IsNullOrWhiteSpace(text) && IsShort(text, minimum))
            .Select(definition => new Finding(
                file.Path,
                definition.Line,
                definition.Column,
                null,
                $"the docstring of {definition.Describe()}, \"{definition.Docstring!.Trim()}\", has {Words(definition.Docstring!)} of the {minimum} needed"));
        ImmutableArray<Finding> findings = [.. module, .. definitions];
        return CheckOutcome.FromFindings(
            findings,
            $"Every docstring in {file.Path} has at least {minimum} words.",
            found => $"{CheckText.Location(file.Path, found[0].Line)}: {found[0].Message}: write a real sentence."
                + (found.Length > 1 ? $" ({CheckText.Count(found.Length - 1, "more")} below.)" : string.Empty));
    });

    internal static int WordCount(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(word => word.Any(char.IsLetterOrDigit));

    private static bool IsShort(string text, int minimum) => WordCount(text) < minimum;

    private static string Words(string text) => CheckText.Count(WordCount(text), "word");
}
