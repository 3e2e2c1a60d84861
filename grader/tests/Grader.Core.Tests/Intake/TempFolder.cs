namespace Grader.Core.Tests.Intake;

/// <summary>A real temporary folder for one test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("grader-intake-test-").FullName;

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Writes a text file (creating its folders) and returns its absolute path.</summary>
    public string Write(string relativePath, string content = "#!/usr/bin/env python3\n")
    {
        var path = Path(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Folder(string relativePath) => Directory.CreateDirectory(Path(relativePath)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans its temp folder.
        }
    }
}
