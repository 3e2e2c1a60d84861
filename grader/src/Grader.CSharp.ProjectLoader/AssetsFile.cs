using System.Collections.Immutable;
using System.Text.Json;

namespace Grader.CSharp.ProjectLoader;

/// <summary>
/// What NuGet's restore wrote to obj/project.assets.json: its error log, the packages of the target framework and
/// their run-time assemblies (the files a build copies next to the program).
/// </summary>
internal sealed record AssetsFile(ImmutableArray<string> Errors, ImmutableArray<string> Packages, ImmutableArray<string> RuntimeFiles)
{
    // NuGet's placeholder for "nothing for this framework".
    private const string EmptyFolderMarker = "_._";

    public static AssetsFile? Read(string path, string projectName)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        ImmutableArray<string> errors =
        [
            .. root.TryGetProperty("logs", out var logs)
                ? logs.EnumerateArray()
                    .Where(log => log.TryGetProperty("level", out var level) && level.GetString() == "Error")
                    .Select(log => $"{projectName}: error {Text(log, "code")}: {Text(log, "message")}")
                : [],
        ];
        var folders = root.TryGetProperty("packageFolders", out var packageFolders)
            ? packageFolders.EnumerateObject().Select(folder => folder.Name).ToList()
            : [];
        // The framework's own graph; graphs with a runtime identifier ("net10.0/linux-x64") add native assets the harness does not use.
        var target = root.TryGetProperty("targets", out var targets)
            ? targets.EnumerateObject().FirstOrDefault(graph => !graph.Name.Contains('/', StringComparison.Ordinal))
            : default;
        var packages = new List<string>();
        var runtime = new List<string>();
        if (target.Value.ValueKind == JsonValueKind.Object)
        {
            foreach (var library in target.Value.EnumerateObject().Where(library => Text(library.Value, "type") == "package"))
            {
                packages.Add(library.Name.Replace('/', ' '));
                var folder = root.GetProperty("libraries").GetProperty(library.Name).GetProperty("path").GetString()!;
                if (library.Value.TryGetProperty("runtime", out var files))
                {
                    runtime.AddRange(files.EnumerateObject()
                        .Where(file => Path.GetFileName(file.Name) != EmptyFolderMarker)
                        .Select(file => Locate(folders, folder, file.Name)));
                }
            }
        }

        return new AssetsFile(errors, [.. packages.Order(StringComparer.Ordinal)], [.. runtime.Order(StringComparer.Ordinal)]);
    }

    // The first package folder (the cache, then any fallback folder) that holds the file.
    private static string Locate(IReadOnlyList<string> folders, string package, string file) =>
        folders.Select(folder => Path.Combine(folder, package, file)).FirstOrDefault(File.Exists)
        ?? Path.Combine(folders.FirstOrDefault() ?? string.Empty, package, file);

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
