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

    /// <summary>
    /// The next line without its newline, in a buffer of the reader's that the next call reuses; false at the end of
    /// the stream or past the cap. A line that lies whole in the last read is not copied.
    /// </summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        pending.SetLength(0);
        while (true)
        {
            var newline = Array.IndexOf(chunk, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                if (pending.Length == 0)
                {
                    line = chunk.AsMemory(start, newline - start);
                }
                else
                {
                    pending.Write(chunk, start, newline - start);
                    line = pending.GetBuffer().AsMemory(0, (int)pending.Length);
                }

                start = newline + 1;
                return true;
            }

            pending.Write(chunk, start, end - start);
            if (pending.Length > maxLineBytes)
            {
                Overlong = true;
                line = default;
                return false;
            }

            start = 0;
            end = stream.Read(chunk);
            if (end == 0)
            {
                line = default;
                return false;
            }
        }
    }
}
