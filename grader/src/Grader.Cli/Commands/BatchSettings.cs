using System.Text.Json;
using Grader.Core.IO;

namespace Grader.Cli.Commands;

/// <summary>The settings a batch must keep across --resume (its seed), stored as batch.json in the output folder.</summary>
internal sealed record BatchSettings(int Seed)
{
    private const string FileName = "batch.json";

    public static BatchSettings Resolve(string outputFolder, bool resume, int? seed)
    {
        if (seed is { } given)
        {
            return new BatchSettings(given);
        }

        var path = Path.Combine(outputFolder, FileName);
        if (resume && File.Exists(path))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.TryGetProperty("seed", out var previous) && previous.TryGetInt32(out var value))
            {
                return new BatchSettings(value);
            }
        }

        return new BatchSettings(Random.Shared.Next(1, 1_000_000));
    }

    public async Task SaveAsync(string outputFolder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputFolder);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seed", Seed);
            writer.WriteEndObject();
        }

        await AtomicFile.WriteAllTextAsync(Path.Combine(outputFolder, FileName), System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n", cancellationToken);
    }
}
