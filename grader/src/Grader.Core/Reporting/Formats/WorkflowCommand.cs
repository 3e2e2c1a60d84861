using System.Text;

namespace Grader.Core.Reporting.Formats;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=F,line=L::message</c>), escaped as the runner unescapes
/// them: in the message %, CR and LF; in a property also ':' and ','. Escaped text cannot end the command or
/// start a new line, so a student's text inside it cannot issue a command of its own.
/// </summary>
internal static class WorkflowCommand
{
    public static string Format(string command, IEnumerable<(string Name, string Value)> properties, string message)
    {
        var text = new StringBuilder("::").Append(command);
        var separator = ' ';
        foreach (var (name, value) in properties)
        {
            text.Append(separator).Append(name).Append('=').Append(EscapeProperty(value));
            separator = ',';
        }

        return text.Append("::").Append(EscapeData(message)).ToString();
    }

    public static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
