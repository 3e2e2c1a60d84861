using System.Text.Json;

namespace GraderHarness;

/// <summary>
/// The harness's private channel to the grader: one JSON object per line, each starting with the run's nonce,
/// flushed as soon as a scenario ends so a later crash keeps the earlier lines. The student's code writes to
/// stdout and stderr, never here. Lines are written under a lock: the watchdog may write one too.
/// </summary>
internal sealed class ResultsFile(string path, string nonce) : IDisposable
{
    private readonly object gate = new();
    private readonly FileStream stream = new(path, FileMode.Append, FileAccess.Write, FileShare.Read);

    public void Write(Action<Utf8JsonWriter> body)
    {
        lock (gate)
        {
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString("nonce", nonce);
                body(json);
                json.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: false);
        }
    }

    public void Dispose() => stream.Dispose();
}
