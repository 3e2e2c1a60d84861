namespace Grader.Core.Tests.Support;

/// <summary>
/// Minimal snapshot testing: compares text with a committed file under Snapshots/. Run the tests with
/// UPDATE_SNAPSHOTS=1 to (re)write them, then review the diff before committing.
/// </summary>
public static class Snapshot
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "grader", "tests", "Grader.Core.Tests", "Snapshots");

    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot {path}: run the tests once with UPDATE_SNAPSHOTS=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));
}
