using Grader.Core.Submissions;

namespace Grader.Core.Sandbox;

/// <summary>
/// Writes a submission snapshot into a fresh folder, keeping executable bits, so student code runs on a copy
/// and never in (or against) the student's own folder.
/// </summary>
public static class WorkingCopy
{
    public static string Create(Submission submission, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in submission.Files.Values)
        {
            var target = Path.GetFullPath(Path.Combine(folder, file.Path));
            if (!target.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, file.Content.AsSpan());
            if (!OperatingSystem.IsWindows())
            {
                var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
                File.SetUnixFileMode(target, file.IsExecutable ? mode | UnixFileMode.UserExecute : mode);
            }
        }

        return folder;
    }

    /// <summary>Copies a host folder written by <see cref="Create"/> into <paramref name="destination"/>, modes and all.</summary>
    public static void CopyFolder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(destination, entry.Name);
            if (entry is DirectoryInfo folder)
            {
                CopyFolder(folder.FullName, target);
            }
            else if (entry.LinkTarget is null)
            {
                File.Copy(entry.FullName, target, overwrite: true);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(target, entry.UnixFileMode);
                }
            }
        }
    }
}
