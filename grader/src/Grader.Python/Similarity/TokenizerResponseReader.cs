using System.Collections.Immutable;
using System.Text.Json;
using Grader.Core.Similarity;

namespace Grader.Python.Similarity;

/// <summary>
/// Reads tokens.py's answer. Tokens are [line, "text"] pairs, which a source-generated context cannot bind to a
/// record, so the document is walked by hand; any unexpected shape is a <see cref="JsonException"/>.
/// </summary>
internal static class TokenizerResponseReader
{
    public static TokenizerResponse Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = Expect(document.RootElement, JsonValueKind.Object, "the answer");
        var python = root.TryGetProperty("python", out var version) && version.ValueKind == JsonValueKind.String
            ? version.GetString() ?? string.Empty
            : string.Empty;
        var files = ImmutableSortedDictionary.CreateBuilder<string, TokenizedFile>(StringComparer.Ordinal);
        foreach (var file in Expect(Property(root, "files"), JsonValueKind.Object, "files").EnumerateObject())
        {
            files[file.Name] = ReadFile(Expect(file.Value, JsonValueKind.Object, file.Name));
        }

        return new TokenizerResponse(python, files.ToImmutable());
    }

    private static TokenizedFile ReadFile(JsonElement file)
    {
        var list = Expect(Property(file, "tokens"), JsonValueKind.Array, "tokens");
        var tokens = ImmutableArray.CreateBuilder<SourceToken>(list.GetArrayLength());
        foreach (var pair in list.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
                || pair[0].ValueKind != JsonValueKind.Number || !pair[0].TryGetInt32(out var line)
                || pair[1].ValueKind != JsonValueKind.String)
            {
                throw new JsonException($"a token is not [line, \"text\"]: {pair.GetRawText()}");
            }

            tokens.Add(new SourceToken(line, pair[1].GetString()!));
        }

        var error = Property(file, "error");
        return new TokenizedFile(tokens.MoveToImmutable(), error.ValueKind == JsonValueKind.String ? error.GetString() : null);
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new JsonException($"\"{name}\" is missing");

    private static JsonElement Expect(JsonElement element, JsonValueKind kind, string what) =>
        element.ValueKind == kind ? element : throw new JsonException($"{what} is {element.ValueKind}, not {kind}");
}
