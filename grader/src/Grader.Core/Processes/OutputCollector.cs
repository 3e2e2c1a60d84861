namespace Grader.Core.Processes;

// Reads a stream to its end while keeping only the first and last halves of the allowed budget, so a child
// that prints 50 MB costs the grader a fixed amount of memory.
public sealed class OutputCollector(int maxBytes)
{
    private readonly int headLimit = maxBytes / 2;
    private readonly int tailLimit = maxBytes - (maxBytes / 2);
    private readonly MemoryStream head = new();
    private readonly Queue<byte[]> tailChunks = new();

    // The runner may take a capture while a read is still going on (a left-behind process holds the pipe).
    private readonly Lock gate = new();
    private int tailBytes;
    private long totalBytes;

    /// <summary>The capture of a file a child wrote its output to, as if it had come through a pipe.</summary>
    public static async Task<CapturedOutput> FromFileAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        var collector = new OutputCollector(maxBytes);
        if (File.Exists(path))
        {
            await using var file = File.OpenRead(path);
            await collector.ReadToEndAsync(file, cancellationToken).ConfigureAwait(false);
        }

        return collector.ToCapturedOutput();
    }

    public async Task ReadToEndAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            Append(buffer.AsSpan(0, read));
        }
    }

    private void Append(ReadOnlySpan<byte> chunk)
    {
        lock (gate)
        {
            AppendLocked(chunk);
        }
    }

    private void AppendLocked(ReadOnlySpan<byte> chunk)
    {
        totalBytes += chunk.Length;
        var toHead = (int)Math.Min(chunk.Length, headLimit - head.Length);
        if (toHead > 0)
        {
            head.Write(chunk[..toHead]);
            chunk = chunk[toHead..];
        }

        if (chunk.IsEmpty)
        {
            return;
        }

        tailChunks.Enqueue(chunk.ToArray());
        tailBytes += chunk.Length;
        while (tailChunks.Count > 1 && tailBytes - tailChunks.Peek().Length >= tailLimit)
        {
            tailBytes -= tailChunks.Dequeue().Length;
        }
    }

    public CapturedOutput ToCapturedOutput()
    {
        lock (gate)
        {
            return CaptureLocked();
        }
    }

    private CapturedOutput CaptureLocked()
    {
        var tail = tailChunks.SelectMany(chunk => chunk).ToArray();
        if (tail.Length > tailLimit)
        {
            tail = tail[^tailLimit..];
        }

        return CapturedOutput.FromBytes(head.ToArray(), tail, totalBytes);
    }
}
