using System.Collections.Immutable;
using Grader.Core.Engine;

namespace Grader.Core.Submissions;

/// <summary>Reads a submission folder into a <see cref="Submission"/> snapshot, within size limits.</summary>
public static class SubmissionLoader
{
    public const int MaxFiles = 2000;
    public const long MaxTotalBytes = 64L * 1024 * 1024;

    // Folders no student code lives in: version control, caches and virtual environments.
    private static readonly ImmutableHashSet<string> SkippedFolders =
        [".git", ".hg", ".svn", "__pycache__", ".mypy_cache", ".pytest_cache", ".venv", "venv", "node_modules"];

    public static Submission Load(string path)
    {
        var root = System.IO.Path.GetFullPath(path);
        if (File.Exists(root))
        {
            throw GraderSetupException.SubmissionNotAFolder(path);
        }

        if (!Directory.Exists(root))
        {
            throw GraderSetupException.SubmissionNotFound(path);
        }

        try
        {
            return new Submission(root, ReadFiles(root, path));
        }
        catch (UnauthorizedAccessException exception)
        {
            throw GraderSetupException.SubmissionUnreadable(path, exception.Message);
        }
        catch (IOException exception)
        {
            throw GraderSetupException.SubmissionUnreadable(path, exception.Message);
        }
    }

    private static ImmutableSortedDictionary<string, SubmissionFile> ReadFiles(string root, string displayPath)
    {
        var files = ImmutableSortedDictionary.CreateBuilder<string, SubmissionFile>(StringComparer.Ordinal);
        long totalBytes = 0;
        foreach (var file in Enumerate(new DirectoryInfo(root)))
        {
            totalBytes += file.Length;
            if (files.Count >= MaxFiles || totalBytes > MaxTotalBytes)
            {
                throw GraderSetupException.SubmissionTooLarge(displayPath, $"more than {MaxFiles} files or {MaxTotalBytes / 1024 / 1024} MiB");
            }

            var relative = System.IO.Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
            var executable = (file.UnixFileMode & UnixFileMode.UserExecute) != 0;
            files[relative] = new SubmissionFile(relative, [.. File.ReadAllBytes(file.FullName)], executable);
        }

        return files.ToImmutable();
    }

    private static IEnumerable<FileInfo> Enumerate(DirectoryInfo directory)
    {
        // Links are not followed: a submission may not make the grader read outside its own folder.
        foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(entry => entry.Name, StringComparer.Ordinal))
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            if (entry is FileInfo file)
            {
                yield return file;
            }
            else if (entry is DirectoryInfo child && !SkippedFolders.Contains(child.Name))
            {
                foreach (var nested in Enumerate(child))
                {
                    yield return nested;
                }
            }
        }
    }
}
