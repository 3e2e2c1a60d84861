using System.Text;

namespace Grader.Core.Supervision;

/// <summary>
/// Reads a child's requests line by line with a cap on a line's length, so a child that writes without a newline
/// costs the grader at most the cap, never its memory.
/// </summary>
internal sealed class ChildLines(Stream stream, int maxLineBytes)
{
    private readonly byte[] chunk = new byte[64 * 1024];
    private readonly MemoryStream pending = new();
    private int start;
    private int end;

    /// <summary>True when the last read stopped at a line longer than the cap.</summary>
    public bool Overlong { get; private set; }

    /// <summary>The next line without its newline; null at the end of the stream or past the cap.</summary>
    public string? ReadLine()
    {
        while (true)
        {
            var newline = Array.IndexOf(chunk, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                pending.Write(chunk, start, newline - start);
                start = newline + 1;
                var line = Encoding.UTF8.GetString(pending.GetBuffer(), 0, (int)pending.Length);
                pending.SetLength(0);
                return line;
            }

            pending.Write(chunk, start, end - start);
            if (pending.Length > maxLineBytes)
            {
                Overlong = true;
                return null;
            }

            start = 0;
            end = stream.Read(chunk);
            if (end == 0)
            {
                return null;
            }
        }
    }
}
