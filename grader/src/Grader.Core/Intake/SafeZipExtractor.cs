using System.Collections.Immutable;
using System.IO.Compression;

namespace Grader.Core.Intake;

/// <summary>
/// Extracts an untrusted zip. Entries that would land outside the folder (absolute paths, drive letters, '..'),
/// symbolic links and special files are skipped and reported; the limits are enforced while decompressing, so a
/// zip bomb stops at the cap; unix permission bits are kept for the executable-bit check. A broken archive or a
/// limit exceeded throws <see cref="IntakeException"/> and leaves no partial folder behind.
/// </summary>
public static class SafeZipExtractor
{
    private const int UnixTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;
    private const int UnixDirectory = 0x4000;
    private const int UnixRegularFile = 0x8000;
    private const int UnixPermissionMask = 0x1FF;
    private const int OwnerReadWrite = 0x180;

    // A stored (uncompressed) archive is its contents plus headers; anything much larger is not worth opening.
    private const long HeaderAllowancePerEntry = 1024;

    public static ZipExtraction Extract(string archivePath, string destination, ZipLimits limits)
    {
        var name = Path.GetFileName(archivePath);
        FileStream stream;
        try
        {
            stream = File.OpenRead(archivePath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw IntakeException.CannotExtract(name, exception.Message);
        }

        using (stream)
        {
            if (stream.Length > limits.MaxTotalBytes + (limits.MaxEntries * HeaderAllowancePerEntry))
            {
                throw IntakeException.ArchiveTooLarge(name, $"the archive itself is larger than {ZipLimits.Describe(limits.MaxTotalBytes)}");
            }

            return Extract(stream, name, destination, limits);
        }
    }

    /// <param name="archive">A seekable stream over the archive (tests wrap it to see how much was read).</param>
    /// <param name="name">The archive's name, for messages.</param>
    internal static ZipExtraction Extract(Stream archive, string name, string destination, ZipLimits limits)
    {
        var root = Path.GetFullPath(destination);
        Directory.CreateDirectory(root);
        if (Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new InvalidOperationException($"The extraction folder '{root}' is not empty.");
        }

        var complete = false;
        try
        {
            using var zip = Open(archive, name);
            if (zip.Entries.Count > limits.MaxEntries)
            {
                throw IntakeException.ArchiveTooLarge(name, $"more than {limits.MaxEntries} entries");
            }

            var extraction = ExtractEntries(zip, name, root, limits);
            complete = true;
            return extraction;
        }
        catch (Exception exception) when (exception is InvalidDataException or NotSupportedException)
        {
            throw IntakeException.NotAZipArchive(name, exception.Message);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw IntakeException.CannotExtract(name, exception.Message);
        }
        finally
        {
            if (!complete)
            {
                TryDelete(root);
            }
        }
    }

    private static ZipArchive Open(Stream archive, string name)
    {
        try
        {
            return new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception exception) when (exception is InvalidDataException or ArgumentException or IOException)
        {
            throw IntakeException.NotAZipArchive(name, exception.Message);
        }
    }

    private static ZipExtraction ExtractEntries(ZipArchive zip, string name, string root, ZipLimits limits)
    {
        var skipped = ImmutableArray.CreateBuilder<SkippedEntry>();
        var budget = new ExtractionBudget(name, limits);
        foreach (var entry in zip.Entries)
        {
            var relative = ZipEntryPath.Resolve(entry.FullName, out var reason);
            if (relative is { Length: 0 } || relative?.Split('/')[0] == ZipEntryPath.MacMetadataFolder)
            {
                continue;
            }

            var unixMode = (entry.ExternalAttributes >> 16) & 0xFFFF;
            var type = unixMode & UnixTypeMask;
            reason ??= type switch
            {
                UnixSymbolicLink => "it is a symbolic link",
                0 or UnixRegularFile or UnixDirectory => null,
                _ => "it is not a regular file",
            };
            var target = reason is null ? ZipEntryPath.Under(root, relative!) : null;
            if (target is null)
            {
                skipped.Add(new SkippedEntry(entry.FullName, reason ?? "its path leaves the extraction folder"));
                continue;
            }

            if (type == UnixDirectory || entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
            {
                Directory.CreateDirectory(target);
                continue;
            }

            if (File.Exists(target) || Directory.Exists(target))
            {
                skipped.Add(new SkippedEntry(entry.FullName, "the archive holds this path twice; the first was kept"));
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            WriteFile(entry, target, budget);
            SetPermissions(target, unixMode & UnixPermissionMask);
        }

        return new ZipExtraction(root, budget.Files, budget.TotalBytes, skipped.ToImmutable());
    }

    private static void WriteFile(ZipArchiveEntry entry, string target, ExtractionBudget budget)
    {
        budget.StartFile(entry.FullName);
        using var input = entry.Open();
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            budget.Take(read);
            output.Write(buffer, 0, read);
        }
    }

    private static void SetPermissions(string target, int permissions)
    {
        // No bits recorded (archives made on Windows): the file keeps the default mode, which is not executable.
        // The owner always keeps read and write, so the grader can read the file and clean up.
        if (permissions != 0 && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, (UnixFileMode)(permissions | OwnerReadWrite));
        }
    }

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the work folder's owner to remove; the caller already knows the extraction failed.
        }
    }

    // Counts what was really decompressed, file by file and in total.
    private sealed class ExtractionBudget(string archiveName, ZipLimits limits)
    {
        private string currentFile = string.Empty;
        private long currentBytes;

        public int Files { get; private set; }

        public long TotalBytes { get; private set; }

        public void StartFile(string entryName)
        {
            Files++;
            currentFile = entryName;
            currentBytes = 0;
        }

        public void Take(int bytes)
        {
            currentBytes += bytes;
            TotalBytes += bytes;
            if (currentBytes > limits.MaxFileBytes)
            {
                throw IntakeException.ArchiveTooLarge(archiveName, $"'{currentFile}' is larger than {ZipLimits.Describe(limits.MaxFileBytes)}");
            }

            if (TotalBytes > limits.MaxTotalBytes)
            {
                throw IntakeException.ArchiveTooLarge(archiveName, $"its files add up to more than {ZipLimits.Describe(limits.MaxTotalBytes)}");
            }
        }
    }
}
