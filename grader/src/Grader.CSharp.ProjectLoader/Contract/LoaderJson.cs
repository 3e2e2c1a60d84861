using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grader.CSharp.ProjectLoader.Contract;

/// <summary>The JSON shape of the request and the report, shared by the loader and the grader.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(LoaderRequest))]
[JsonSerializable(typeof(LoaderReport))]
public sealed partial class LoaderJson : JsonSerializerContext
{
    /// <summary>Writes a report to a temporary name, then moves it, so a reader never sees half a file.</summary>
    public static void Write(string path, LoaderReport report)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(report, Default.LoaderReport));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The report in <paramref name="path"/> when it is there, well-formed and carries <paramref name="nonce"/>.</summary>
    public static LoaderReport? Read(string path, string nonce)
    {
        try
        {
            var report = JsonSerializer.Deserialize(File.ReadAllText(path), Default.LoaderReport);
            return report is not null && report.Nonce == nonce && report.IsComplete ? report : null;
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
