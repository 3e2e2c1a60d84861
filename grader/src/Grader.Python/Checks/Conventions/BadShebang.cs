using System.Text;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Conventions;

/// <summary>PY-CONV-001: the first line is exactly the assignment's shebang, and the message names what is off.</summary>
internal sealed class BadShebang : ITaskCheck
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public CheckDescriptor Descriptor { get; } = new(
        "PY-CONV-001",
        "First line is the shebang",
        Category.Conventions,
        CheckScope.Task,
        "The very first bytes of the file are exactly '#!/usr/bin/env python3' followed by a Unix newline.",
        "The shebang lets the file run as ./file.py with the python3 found on PATH. A BOM, a blank line or a "
        + "carriage return (Windows line endings) before or in it breaks that, and so does another interpreter path.",
        "Make '#!/usr/bin/env python3' the first line; save the file as UTF-8 without BOM and with LF line endings.",
        "#!/usr/bin/python3   (or a blank first line, or CRLF line endings)",
        "#!/usr/bin/env python3",
        ["PY-FILE-002"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnFile(file =>
    {
        var expected = context.Assignment.Shebang;
        var problem = Diagnose(file.Content.AsSpan(), expected);
        return problem is null
            ? CheckOutcome.Pass($"{file.Path} starts with {expected}.")
            : CheckOutcome.Fail($"{file.Path}: {problem}", [new Finding(file.Path, 1, 1, null, problem)]);
    });

    internal static string? Diagnose(ReadOnlySpan<byte> content, string expected)
    {
        if (content.StartsWith(Bom))
        {
            return $"a UTF-8 byte order mark (BOM) comes before the shebang; save the file as UTF-8 without BOM so that '{expected}' is really the first line.";
        }

        var text = Encoding.UTF8.GetString(content);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = newline < 0 ? text : text[..newline];
        if (firstLine == expected)
        {
            return null;
        }

        if (firstLine == expected + "\r")
        {
            return $"the file has Windows (CRLF) line endings, so the shebang asks for the interpreter 'python3\\r', which does not exist; convert the file to Unix (LF) line endings.";
        }

        if (firstLine.TrimEnd() == expected)
        {
            return $"the shebang line has trailing white space; make the first line exactly '{expected}'.";
        }

        if (string.IsNullOrWhiteSpace(firstLine) && text.TrimStart().StartsWith("#!", StringComparison.Ordinal))
        {
            return $"there is a blank line before the shebang; '{expected}' must be the very first line.";
        }

        if (firstLine.StartsWith("#!", StringComparison.Ordinal))
        {
            return $"the shebang names another interpreter: found '{firstLine.TrimEnd('\r')}', expected '{expected}'.";
        }

        return $"the shebang is missing: the first line is '{Shorten(firstLine.TrimEnd('\r'))}', but it must be '{expected}'.";
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
