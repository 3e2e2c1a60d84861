using System.Collections.Immutable;

namespace Grader.Core.Intake;

/// <summary>
/// Finds the project folder inside a submission, in this order:
/// <list type="number">
/// <item>the root, when it holds any task file;</item>
/// <item>a folder named like the project (<c>0x01-python_async_function</c>) that holds task files, the shallowest;</item>
/// <item>the folder that holds the most task files; a tie is reported as ambiguous and broken by depth, then path;</item>
/// <item>a folder named like the project without any task file (so the student reads which files are missing).</item>
/// </list>
/// Hidden folders (<c>.git</c>, <c>.venv</c>...) and macOS metadata are not searched. No task file and no named
/// folder: no project folder.
/// </summary>
public static class ProjectFolderLocator
{
    /// <summary>More files than this under one submission is not a project of five files; stop looking.</summary>
    public const int MaxFilesSearched = 20_000;

    /// <summary>Searches a folder on disk (an extracted archive or a student's folder). Links are not followed.</summary>
    public static ProjectFolder Locate(string root, IReadOnlyCollection<string> taskFiles, string projectFolderName)
    {
        var files = new List<string>();
        if (!Collect(new DirectoryInfo(root), string.Empty, files))
        {
            return ProjectFolder.NotFound($"more than {MaxFilesSearched} files: this is not one project folder");
        }

        return Locate(files, taskFiles, projectFolderName);
    }

    /// <summary>Searches a list of '/'-separated file paths (e.g. a git tree).</summary>
    public static ProjectFolder Locate(IEnumerable<string> filePaths, IReadOnlyCollection<string> taskFiles, string projectFolderName)
    {
        var wanted = taskFiles.ToHashSet(StringComparer.Ordinal);
        var folders = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in filePaths.Where(path => !path.Split('/').Any(Ignored)))
        {
            var slash = path.LastIndexOf('/');
            var folder = slash < 0 ? string.Empty : path[..slash];
            for (var ancestor = folder; ; ancestor = Parent(ancestor))
            {
                folders.TryAdd(ancestor, 0);
                if (ancestor.Length == 0)
                {
                    break;
                }
            }

            if (wanted.Contains(path[(slash + 1)..]))
            {
                folders[folder]++;
            }
        }

        var candidates = folders.Select(pair => new Candidate(pair.Key, pair.Value)).ToList();
        var holding = candidates.Where(candidate => candidate.TaskFiles > 0).ToList();
        var named = candidates.Where(candidate => Name(candidate.Path) == projectFolderName).ToList();
        if (holding.Find(candidate => candidate.Path.Length == 0) is { } root)
        {
            return new ProjectFolder(string.Empty, root.TaskFiles, [], null);
        }

        var namedHolding = named.Where(candidate => candidate.TaskFiles > 0).ToList();
        if (namedHolding.Count > 0)
        {
            return Pick(namedHolding.OrderBy(c => c.Depth).ThenByDescending(c => c.TaskFiles).ThenBy(c => c.Path, StringComparer.Ordinal).ToList(), [], SameRank);
        }

        if (holding.Count > 0)
        {
            ImmutableArray<string> notes = named.Count > 0
                ? [$"{ProjectFolder.Display(Shallowest(named).Path)} holds none of the task files, so the folder that holds them was graded"]
                : [];
            return Pick(holding.OrderByDescending(c => c.TaskFiles).ThenBy(c => c.Depth).ThenBy(c => c.Path, StringComparer.Ordinal).ToList(), notes, (a, b) => a.TaskFiles == b.TaskFiles);
        }

        if (named.Count > 0)
        {
            var folder = Shallowest(named);
            return new ProjectFolder(folder.Path, 0, [$"{ProjectFolder.Display(folder.Path)} holds none of the task files ({string.Join(", ", taskFiles)})"], null);
        }

        return ProjectFolder.NotFound($"no project folder found: none of the task files ({string.Join(", ", taskFiles)}) and no '{projectFolderName}' folder");
    }

    private static ProjectFolder Pick(List<Candidate> ranked, ImmutableArray<string> notes, Func<Candidate, Candidate, bool> tie)
    {
        var best = ranked[0];
        var rivals = ranked.Skip(1).Where(other => tie(best, other)).ToList();
        if (rivals.Count > 0)
        {
            var all = string.Join(" and ", ranked.Take(rivals.Count + 1).Select(c => ProjectFolder.Display(c.Path)));
            notes = notes.Add($"ambiguous project folder: {all} each hold {best.TaskFiles} task file(s); {ProjectFolder.Display(best.Path)} was graded");
        }

        return new ProjectFolder(best.Path, best.TaskFiles, notes, null);
    }

    private static bool SameRank(Candidate a, Candidate b) => a.Depth == b.Depth && a.TaskFiles == b.TaskFiles;

    private static Candidate Shallowest(List<Candidate> candidates) =>
        candidates.OrderBy(c => c.Depth).ThenBy(c => c.Path, StringComparer.Ordinal).First();

    private static bool Ignored(string segment) => segment.StartsWith('.') || segment == ZipEntryPath.MacMetadataFolder;

    private static string Parent(string folder) => folder.LastIndexOf('/') is var slash and >= 0 ? folder[..slash] : string.Empty;

    private static string Name(string folder) => folder[(folder.LastIndexOf('/') + 1)..];

    private static bool Collect(DirectoryInfo directory, string prefix, List<string> files)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null || Ignored(entry.Name))
            {
                continue;
            }

            var path = prefix + entry.Name;
            if (entry is DirectoryInfo child)
            {
                files.Add(path + "/");
                if (!Collect(child, path + "/", files))
                {
                    return false;
                }
            }
            else
            {
                files.Add(path);
            }

            if (files.Count > MaxFilesSearched)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Candidate(string Path, int TaskFiles)
    {
        public int Depth => Path.Length == 0 ? 0 : Path.Count(c => c == '/') + 1;
    }
}
