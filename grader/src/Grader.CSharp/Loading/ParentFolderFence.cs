namespace Grader.CSharp.Loading;

/// <summary>
/// MSBuild, NuGet and the dotnet host look for their configuration in the project's folder and every folder above
/// it, up to the root: a Directory.Build.props, global.json or NuGet.Config someone left in /tmp (where the working
/// copy lives) would run its targets, pin another SDK or add a package source in every student's restore. These
/// files, written in the folder that holds the working copy, are the ones found first when the student has none of
/// their own, and they stop each search there; NuGet, which merges every config it finds, is told to clear what the
/// configs further up say. The student's own files, in the working copy, still come first, as in their build.
/// </summary>
public static class ParentFolderFence
{
    private const string EmptyProject = "<Project>\n  <!-- The grader's fence: nothing from the folders above applies. -->\n</Project>\n";

    // Each section NuGet would otherwise merge from the configs further up; only nuget.org is a source.
    private const string NuGetConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config><clear /></config>
          <packageSources>
            <clear />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
          <disabledPackageSources><clear /></disabledPackageSources>
          <fallbackPackageFolders><clear /></fallbackPackageFolders>
          <packageSourceMapping><clear /></packageSourceMapping>
        </configuration>

        """;

    /// <summary>The file names the fence writes, with their content.</summary>
    public static IReadOnlyList<(string Name, string Content)> Files { get; } =
    [
        .. ProjectFile.Imported.Select(name => (name, EmptyProject)),
        ("Directory.Build.rsp", "# The grader's fence: no MSBuild switches from the folders above.\n"),
        ("global.json", "{}\n"),
        ("NuGet.Config", NuGetConfig),
    ];

    /// <summary>Writes the fence into <paramref name="folder"/>, the folder that holds the working copy.</summary>
    public static void Write(string folder)
    {
        foreach (var (name, content) in Files)
        {
            File.WriteAllText(Path.Combine(folder, name), content);
        }
    }
}
