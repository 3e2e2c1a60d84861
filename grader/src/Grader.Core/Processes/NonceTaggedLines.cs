using System.Collections.Immutable;
using System.Text.Json;

namespace Grader.Core.Processes;

/// <summary>
/// Reads a results file a child process wrote one JSON object per line: keeps the lines tagged with this run's
/// nonce, keyed by their "scenario", and tells whether the closing {"finished": true} line came. Torn lines (a
/// killed process) and lines without the nonce (written by anything else) are skipped.
/// </summary>
public static class NonceTaggedLines
{
    public static (ImmutableSortedDictionary<string, JsonElement> Observations, bool Finished) Read(string path, string nonce)
    {
        var observations = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        var finished = false;
        if (!File.Exists(path))
        {
            return (observations.ToImmutable(), false);
        }

        foreach (var line in File.ReadLines(path))
        {
            JsonElement record;
            try
            {
                using var document = JsonDocument.Parse(line);
                record = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                continue;
            }

            if (record.ValueKind != JsonValueKind.Object || !record.TryGetProperty("nonce", out var tag) || tag.GetString() != nonce)
            {
                continue;
            }

            if (record.TryGetProperty("finished", out var done) && done.ValueKind == JsonValueKind.True)
            {
                finished = true;
            }
            else if (record.TryGetProperty("scenario", out var scenario) && scenario.GetString() is { } id)
            {
                observations[id] = record;
            }
        }

        return (observations.ToImmutable(), finished);
    }
}
