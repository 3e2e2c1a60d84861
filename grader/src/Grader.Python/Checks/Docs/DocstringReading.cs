using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Grader.Python.Checks.Docs;

/// <summary>
/// Reads a docstring the way a careful teaching assistant does, past its word count: an IDE template left unfilled,
/// a section (Args:, :param) with no summary before it, a summary that only restates the name it documents, or
/// text that shares no word with the code or the assignment. Judges properties, not spellings: any words that
/// speak of the code pass, however terse ("Return a task that waits a random delay.").
/// </summary>
internal static partial class DocstringReading
{
    // What IDE docstring generators (autoDocstring, PyCharm) leave for the author to replace.
    private static readonly string[] Placeholders = ["_summary_", "_description_", "_extended_summary_", "_type_", "[summary]", "[description]", "[type]"];

    // Google, NumPy and reST section openings: a docstring that starts with one has no summary sentence. (Not "Note:",
    // which may open a sentence that says what the code does.)
    private static readonly FrozenSet<string> Sections = FrozenSet.Create(
        StringComparer.Ordinal,
        "args", "arguments", "parameters", "params", "param", "returns", "return", "yields", "yield", "raises", "example", "examples",
        "attributes", "keyword arguments", "kwargs");

    // Words that say what kind of thing is documented, or glue a sentence, and never what the code does.
    private static readonly FrozenSet<string> Filler = FrozenSet.Create(
        StringComparer.Ordinal,
        "a", "an", "the", "this", "that", "these", "it", "its", "is", "are", "be", "of", "for", "to", "in", "on", "and", "or", "by",
        "with", "from", "as", "at", "function", "coroutine", "method", "module", "class", "file", "script", "def", "py", "here", "code");

    /// <summary>What is wrong with the docstring, as a phrase to follow its quotation, or null when it reads as a sentence about the code.</summary>
    /// <param name="named">The words of the name it documents (a function's name; a module's file name and task).</param>
    /// <param name="related">Every word it may share with the code or the assignment: names, parameters, the names its code uses, the vocabulary.</param>
    public static string? Problem(string docstring, IEnumerable<string> named, IEnumerable<string> related)
    {
        var placeholder = Placeholders.FirstOrDefault(token => docstring.Contains(token, StringComparison.OrdinalIgnoreCase));
        if (placeholder is not null)
        {
            return $"is an IDE template left unfilled ({placeholder})";
        }

        var first = docstring.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? string.Empty;
        if (SectionOpening(first) is { } section)
        {
            return $"starts with its {section} section and has no summary sentence before it";
        }

        var content = Words(docstring).Where(word => !Filler.Contains(word) && !word.All(char.IsDigit)).Select(Stem).ToList();
        var namedStems = named.SelectMany(Words).Select(Stem).ToHashSet(StringComparer.Ordinal);
        if (content.Count > 0 && content.All(namedStems.Contains))
        {
            return "only restates the name of what it documents";
        }

        var relatedStems = related.SelectMany(Words).Select(Stem).ToHashSet(StringComparer.Ordinal);
        relatedStems.UnionWith(namedStems);
        return content.Count > 0 && !content.Any(relatedStems.Contains)
            ? "shares no word with the code it documents (its name, its parameters, the names it uses) or with the assignment"
            : null;
    }

    /// <summary>The lower-case words of a text or an identifier (snake_case and camelCase split).</summary>
    public static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(CamelBoundary().Replace(text, " ")).Select(match => match.Value.ToLowerInvariant());

    // One stem for the forms a sentence bends a word into: waits, waited, waiting and wait are one word.
    private static string Stem(string word) => word switch
    {
        { Length: > 5 } when word.EndsWith("ing", StringComparison.Ordinal) => word[..^3],
        { Length: > 4 } when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        { Length: > 4 } when word.EndsWith("ed", StringComparison.Ordinal) => word[..^2],
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

    // "Args:", "Returns: the delay", "Parameters" (NumPy, underlined on the next line), ":param max_delay: ...".
    private static string? SectionOpening(string line)
    {
        if (FieldList().Match(line) is { Success: true } field)
        {
            return $"\"{field.Value}\"";
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var heading = (colon >= 0 ? line[..colon] : line).Trim().ToLowerInvariant();
        return Sections.Contains(heading) ? $"\"{(colon >= 0 ? line[..(colon + 1)] : line)}\"" : null;
    }

    [GeneratedRegex(@"[A-Za-z]+|\d+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<=[a-z])(?=[A-Z])")]
    private static partial Regex CamelBoundary();

    [GeneratedRegex(@"^:(param|parameter|arg|type|returns?|rtype|raises?|yields?)\b[^:]*:")]
    private static partial Regex FieldList();
}
