using System.Collections.Immutable;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Results;
using Grader.Python.Facts;

namespace Grader.Python.Checks.Docs;

/// <summary>PY-DOC-003: each docstring is a real sentence about its code: not one or two words, nor an unfilled template, a bare section, the name restated or unrelated text.</summary>
internal sealed class DocstringNotASentence : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-DOC-003",
        "Docstrings are real sentences",
        Category.Docs,
        CheckScope.Task,
        "Every docstring (module, function, coroutine, class, method) has at least the assignment's minimum number of "
        + "words (min_docstring_words in checks/<assignment>/assignment.json; 3 by default) and reads as a sentence about its code: "
        + "not an IDE template left unfilled (_summary_), not a section (Args:, :param) without a summary sentence before it, "
        + "not only the name restated (\"Wait Random Function\", \"0-basic_async_syntax.py module\", \"Task 3: Tasks\"), and not words "
        + "that share none with the code (its name, parameters, the names it uses) or with the assignment (\"Check by yourself\").",
        "The assignment verifies the length of documentation: a docstring must explain the purpose, which one word cannot.",
        "Write a sentence that says what the code does and returns, e.g. 'Wait a random delay and return it.'",
        "\"\"\"Waits.\"\"\"",
        "\"\"\"Wait for a random delay of up to max_delay seconds and return it.\"\"\"",
        ["PY-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.Judge((file, facts) =>
    {
        var minimum = context.Assignment.MinDocstringWords;
        var vocabulary = Vocabulary(context.Assignment);
        var module = facts.ModuleDoc is { } doc && Problem(doc.Text, minimum, ModuleNamed(file.Path), [.. vocabulary, .. facts.Defs.SelectMany(Related)]) is { } problem
            ? [new Finding(file.Path, doc.Line, null, null, $"the module docstring \"{Quote(doc.Text)}\" {problem}")]
            : Array.Empty<Finding>();
        var definitions = facts.Defs
            .Where(definition => definition.Docstring is { } text && !string.IsNullOrWhiteSpace(text))
            .Select(definition => (definition, Problem: Problem(definition.Docstring!, minimum, [definition.Name], [.. vocabulary, .. Related(definition)])))
            .Where(entry => entry.Problem is not null)
            .Select(entry => new Finding(
                file.Path,
                entry.definition.Line,
                entry.definition.Column,
                null,
                $"the docstring of {entry.definition.Describe()}, \"{Quote(entry.definition.Docstring!)}\", {entry.Problem}"));
        ImmutableArray<Finding> findings = [.. module, .. definitions];
        return CheckOutcome.FromFindings(
            findings,
            $"Every docstring in {file.Path} is a sentence of at least {minimum} words about its code.",
            found => $"{CheckText.Location(file.Path, found[0].Line)}: {found[0].Message}: write a real sentence."
                + (found.Length > 1 ? $" ({CheckText.Count(found.Length - 1, "more")} below.)" : string.Empty));
    });

    private static string? Problem(string text, int minimum, IEnumerable<string> named, IEnumerable<string> related) =>
        IsShort(text, minimum) ? $"has {Words(text)} of the {minimum} needed" : DocstringReading.Problem(text, named, related);

    // A module is named by its file ("0-basic_async_syntax.py") and, in a heading, by its task ("Task 0").
    private static IEnumerable<string> ModuleNamed(string path) => [Path.GetFileNameWithoutExtension(path), "task", "tasks", "exercise"];

    private static IEnumerable<string> Related(Definition definition) => [definition.Name, .. definition.Params.Select(parameter => parameter.Name), .. definition.Names];

    // The assignment's words, its task titles and the names of the functions it asks for.
    private static IEnumerable<string> Vocabulary(AssignmentSpec assignment) =>
        [.. assignment.Vocabulary, .. assignment.Tasks.Select(task => task.Title), .. assignment.Tasks.SelectMany(task => task.Functions).SelectMany(function => function.Parameters.Select(parameter => parameter.Name).Append(function.Name))];

    private static string Quote(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 100 ? line : line[..100] + "...";
    }

    internal static int WordCount(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(word => word.Any(char.IsLetterOrDigit));

    private static bool IsShort(string text, int minimum) => WordCount(text) < minimum;

    private static string Words(string text) => CheckText.Count(WordCount(text), "word");
}
