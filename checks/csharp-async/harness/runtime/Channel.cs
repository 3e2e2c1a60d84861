using System.Text;
using System.Text.Json;

namespace GraderHarness;

/// <summary>
/// The harness's end of its private channel to the grader's supervisor: stdin carries the supervisor's lines, stdout
/// the harness's (protocol: checks/python-async/probe/PROTOCOL.md, the same for both tracks). The harness only asks
/// (and tells, in notes that are not answered): the supervisor decides every random value and every moment of time and keeps the record the grade rests on. The
/// student's Console output goes to stderr. Requests are serialized: a continuation, the watchdog and the student's
/// threads may ask at once.
/// </summary>
internal sealed class Channel
{
    private readonly object gate = new();
    private readonly Stream input;
    private readonly Stream output;
    private readonly MemoryStream pending = new();
    private readonly byte[] chunk = new byte[64 * 1024];
    private int start;
    private int end;

    private Channel(Stream input, Stream output)
    {
        this.input = input;
        this.output = output;
    }

    /// <summary>Keeps stdin and stdout for the channel and gives the student's Console stderr (and no input).</summary>
    public static Channel TakeStandardStreams()
    {
        var channel = new Channel(Console.OpenStandardInput(), Console.OpenStandardOutput());
        Console.SetOut(new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true });
        Console.SetIn(TextReader.Null);
        return channel;
    }

    /// <summary>Reads one line from the supervisor; null when it closed the channel.</summary>
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
            start = 0;
            end = input.Read(chunk, 0, chunk.Length);
            if (end == 0)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Sends note <paramref name="op"/>: it is not answered. A refused note is answered with the refusal, which the
    /// next <see cref="Ask"/> reads in place of its own answer.
    /// </summary>
    public void Tell(string op, Action<Utf8JsonWriter>? fields = null)
    {
        lock (gate)
        {
            Send(op, fields);
        }
    }

    /// <summary>Sends request <paramref name="op"/> with the fields <paramref name="fields"/> writes; returns the answer.</summary>
    /// <exception cref="ChannelClosedException">The supervisor refused the request or went away.</exception>
    public JsonElement Ask(string op, Action<Utf8JsonWriter>? fields = null)
    {
        lock (gate)
        {
            Send(op, fields);
            var line = ReadLine() ?? throw new ChannelClosedException("the supervisor closed the channel");
            using var answer = JsonDocument.Parse(line);
            var root = answer.RootElement.Clone();
            if (root.TryGetProperty("refused", out var refused))
            {
                throw new ChannelClosedException($"the supervisor refused {op}: {refused}");
            }

            return root;
        }
    }

    private void Send(string op, Action<Utf8JsonWriter>? fields)
    {
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("op", op);
            fields?.Invoke(json);
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
        output.Flush();
    }
}

/// <summary>The supervisor ended the conversation: the harness stops.</summary>
internal sealed class ChannelClosedException(string message) : Exception(message);
