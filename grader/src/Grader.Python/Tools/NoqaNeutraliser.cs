namespace Grader.Python.Tools;

/// <summary>
/// pycodestyle obeys "# noqa" and "# nopep8" comments for several checks (long lines among them), which would
/// let a student silence the style rules the assignment grades. Before pycodestyle reads the private copy,
/// each such marker gets its 'o' replaced by '0': same length, so every reported line and column still points
/// at the student's own file.
/// </summary>
internal static class NoqaNeutraliser
{
    public static byte[] Neutralise(ReadOnlySpan<byte> source)
    {
        var copy = source.ToArray();
        for (var index = 0; index + 5 < copy.Length; index++)
        {
            if (copy[index] == '#' && copy[index + 1] == ' ' && Lower(copy[index + 2]) == 'n' && Lower(copy[index + 3]) == 'o'
                && (StartsWithIgnoringCase(copy, index + 4, "qa") || StartsWithIgnoringCase(copy, index + 4, "pep8")))
            {
                copy[index + 3] = (byte)'0';
            }
        }

        return copy;
    }

    private static bool StartsWithIgnoringCase(byte[] bytes, int start, string expected)
    {
        if (start + expected.Length > bytes.Length)
        {
            return false;
        }

        for (var offset = 0; offset < expected.Length; offset++)
        {
            if (Lower(bytes[start + offset]) != expected[offset])
            {
                return false;
            }
        }

        return true;
    }

    private static int Lower(byte value) => value is >= (byte)'A' and <= (byte)'Z' ? value + 32 : value;
}
