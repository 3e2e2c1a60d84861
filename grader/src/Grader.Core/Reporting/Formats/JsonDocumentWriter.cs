using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Grader.Core.Reporting.Formats;

/// <summary>Writes one JSON document, from a source-generated contract, followed by a line break.</summary>
internal static class JsonDocumentWriter
{
    public static async Task WriteAsync<T>(T document, JsonTypeInfo<T> contract, TextWriter destination, CancellationToken cancellationToken)
    {
        await destination.WriteAsync(JsonSerializer.Serialize(document, contract).AsMemory(), cancellationToken).ConfigureAwait(false);
        await destination.WriteAsync('\n').ConfigureAwait(false);
    }
}
