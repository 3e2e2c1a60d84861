namespace Grader.Core.Evidence;

/// <summary>A private temporary folder for one grading run, deleted when disposed.</summary>
public sealed class ScratchSpace : IDisposable
{
    private ScratchSpace(string root)
    {
        Root = root;
        Home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
    }

    public string Root { get; }

    /// <summary>HOME and TMPDIR for child processes, so no user configuration (e.g. ~/.config/pycodestyle) applies.</summary>
    public string Home { get; }

    public static ScratchSpace Create() => new(Directory.CreateTempSubdirectory("grader-").FullName);

    /// <summary>A scratch space inside <paramref name="parent"/> rather than the system's temporary folder.</summary>
    public static ScratchSpace CreateIn(string parent) =>
        new(Directory.CreateDirectory(Path.Combine(parent, "grader-" + Path.GetRandomFileName())).FullName);

    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child still holding a file open; the OS temp cleaner will take it.
        }
        catch (UnauthorizedAccessException)
        {
            // A student's code removed its own permissions; same as above.
        }
    }
}
