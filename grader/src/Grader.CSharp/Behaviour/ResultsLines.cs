using System.Collections.Immutable;
using System.Text.Json;

namespace Grader.CSharp.Behaviour;

// Reads a harness's results file: the lines tagged with this run's nonce, keyed by scenario, and whether the
// closing "finished" line came. Torn or foreign lines are skipped.
internal static class ResultsLines
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
