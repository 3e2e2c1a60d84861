using System.Collections.Immutable;
using Grader.Core.Engine;

namespace Grader.Core.Intake;

/// <summary>
/// Lists the submissions in what an instructor downloaded: a folder (each sub-folder, .zip or cloned repository
/// is one student) or a .zip of those (a zip of zips, or of one folder per student). Hidden files, macOS metadata,
/// links and other files are skipped with the reason. The outer .zip is extracted safely first; when it wraps
/// everything in one folder, that folder's entries are the students.
/// </summary>
public static class BatchEntryScanner
{
    private const string SourceArgument = "<dir-or-zip>";
    private const string Hidden = "hidden";
    private const string MacMetadata = "macOS metadata";

    /// <param name="source">A folder or a .zip of submissions.</param>
    /// <param name="extractionFolder">Where a .zip source is extracted; must not exist or be empty.</param>
    /// <param name="limits">For a .zip source; <see cref="ZipLimits.Batch"/> by default.</param>
    /// <exception cref="GraderSetupException">The source does not exist or is not a readable folder or zip.</exception>
    public static BatchScan Scan(string source, string extractionFolder, ZipLimits? limits = null)
    {
        var full = Path.GetFullPath(source);
        if (Directory.Exists(full))
        {
            return ScanFolder(full, [], []);
        }

        if (!File.Exists(full))
        {
            throw GraderSetupException.InvalidOption(SourceArgument, $"'{source}' does not exist: give the folder or the .zip that holds the submissions.");
        }

        if (!IsZip(full))
        {
            throw GraderSetupException.InvalidOption(SourceArgument, $"'{source}' is neither a folder nor a .zip archive.");
        }

        ZipExtraction extraction;
        try
        {
            extraction = SafeZipExtractor.Extract(full, extractionFolder, limits ?? ZipLimits.Batch);
        }
        catch (IntakeException exception)
        {
            throw GraderSetupException.InvalidOption(SourceArgument, exception.Message);
        }

        var skipped = extraction.Skipped.Select(entry => entry with { Reason = $"in '{Path.GetFileName(full)}': {entry.Reason}" });
        if (Wrapper(extraction.Root) is { } wrapper)
        {
            return ScanFolder(wrapper, skipped, [$"'{Path.GetFileName(full)}' wraps everything in '{Path.GetFileName(wrapper)}/': its entries are the submissions"]);
        }

        return ScanFolder(extraction.Root, skipped, []);
    }

    private static BatchScan ScanFolder(string folder, IEnumerable<SkippedEntry> skippedBefore, ImmutableArray<string> notes)
    {
        var skipped = skippedBefore.ToList();
        var found = new List<(string Name, string Path, EntryKind Kind)>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(entry => entry.Name, StringComparer.Ordinal))
        {
            if (Classify(entry) is { } reason)
            {
                skipped.Add(new SkippedEntry(entry.Name, reason));
            }
            else if (entry is DirectoryInfo)
            {
                found.Add((entry.Name, entry.FullName, GitSnapshot.IsRepository(entry.FullName) ? EntryKind.GitRepository : EntryKind.Folder));
            }
            else
            {
                found.Add((Path.GetFileNameWithoutExtension(entry.Name), entry.FullName, EntryKind.Zip));
            }
        }

        var ids = new StudentIds();
        var entries = found.Select(item =>
        {
            var (id, note) = ids.Allocate(item.Name);
            return new BatchEntry(id, item.Path, item.Kind) { Notes = note is null ? [] : [note] };
        });
        return new BatchScan(
            [.. entries.OrderBy(entry => entry.StudentId, StringComparer.Ordinal)],
            [.. skipped.OrderBy(entry => entry.Name, StringComparer.Ordinal)],
            notes);
    }

    /// <returns>Why the entry is not a submission, or null when it is one.</returns>
    private static string? Classify(FileSystemInfo entry) => entry switch
    {
        _ when entry.Name.StartsWith('.') => Hidden,
        _ when entry.Name == ZipEntryPath.MacMetadataFolder => MacMetadata,
        _ when entry.LinkTarget is not null => "a symbolic link (not followed)",
        DirectoryInfo => null,
        _ when IsZip(entry.FullName) => null,
        _ => "not a folder, a .zip archive or a git repository",
    };

    // A zip of "submissions/alice.zip, submissions/bob/...": one visible folder that is not a repository and holds
    // no file but archives (a student's own folder has a README or task files).
    private static string? Wrapper(string root)
    {
        var visible = new DirectoryInfo(root).EnumerateFileSystemInfos().Where(entry => Classify(entry) is not (Hidden or MacMetadata)).ToList();
        if (visible is not [DirectoryInfo { LinkTarget: null } single] || GitSnapshot.IsRepository(single.FullName))
        {
            return null;
        }

        var inside = single.EnumerateFileSystemInfos().Where(entry => !entry.Name.StartsWith('.')).ToList();
        return inside.Count > 0 && inside.All(entry => entry is DirectoryInfo || IsZip(entry.FullName)) ? single.FullName : null;
    }

    private static bool IsZip(string path) => Path.GetExtension(path).Equals(".zip", StringComparison.OrdinalIgnoreCase);
}
