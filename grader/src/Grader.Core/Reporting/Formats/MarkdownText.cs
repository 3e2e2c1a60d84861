using System.Text;

namespace Grader.Core.Reporting.Formats;

/// <summary>
/// Makes any text (student file names, messages with student output) literal inside a Markdown line or table
/// cell: line breaks become spaces, HTML and Markdown punctuation is escaped.
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var character in text)
        {
            _ = character switch
            {
                '\r' or '\n' => escaped.Append(' '),
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~' or '!' or '$' => escaped.Append('\\').Append(character),
                _ => escaped.Append(character),
            };
        }

        return escaped.ToString();
    }
}
