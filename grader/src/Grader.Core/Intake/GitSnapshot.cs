using System.Collections.Immutable;
using System.Globalization;
using Grader.Core.Processes;

namespace Grader.Core.Intake;

/// <summary>
/// Reads a student's git repository without changing it: finds the default branch, picks the commit to grade
/// (the last one at or before the deadline, when there is one) and writes that commit's files into a folder.
/// </summary>
/// <remarks>
/// <para>
/// Dates: the deadline is compared with the <em>committer</em> date, the same date <c>git rev-list -1
/// --before=&lt;deadline&gt; &lt;branch&gt;</c> uses (a commit at exactly the deadline is on time). Both the author and
/// the committer date are written by the student's own machine and can be set to anything (a wrong clock,
/// <c>GIT_COMMITTER_DATE</c>, a rebase), so the choice and the lateness flag are evidence for a human, not proof.
/// The hosting service's push times (e.g. GitHub's events) are the stronger evidence when it matters.
/// </para>
/// <para>
/// Safety: a repository's own configuration can name programs that git runs (smudge filters, fsmonitor). So only
/// plumbing commands that run none are used on the student's repository, and the files are taken from a fresh
/// bare repository that fetched the graded branch: <c>git archive</c> there applies no student-configured filter.
/// The zip it writes goes through <see cref="SafeZipExtractor"/> (limits, no links, executable bits kept).
/// </para>
/// </remarks>
public sealed class GitSnapshot
{
    private const string GradedRef = "refs/grader/graded";

    private readonly GitCommand git;
    private readonly string scratchFolder;

    /// <param name="scratchFolder">A private folder for git's HOME and the temporary bare repositories.</param>
    public GitSnapshot(IProcessRunner runner, string scratchFolder, TimeSpan timeout)
    {
        this.scratchFolder = Path.GetFullPath(scratchFolder);
        git = new GitCommand(runner, Directory.CreateDirectory(Path.Combine(this.scratchFolder, "home")).FullName, timeout);
    }

    /// <summary>A folder with a real <c>.git</c> folder. A <c>.git</c> file or link (which can point anywhere on the disk) does not count.</summary>
    public static bool IsRepository(string folder)
    {
        var dotGit = new DirectoryInfo(Path.Combine(folder, ".git"));
        return dotGit.Exists && dotGit.LinkTarget is null;
    }

    public async Task<GitSelection> SelectAsync(string repository, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(Path.GetFullPath(repository).TrimEnd(Path.DirectorySeparatorChar));
        var (branch, reference) = await DefaultBranchAsync(repository, cancellationToken).ConfigureAwait(false);
        var history = await HistoryAsync(name, repository, reference, branch, cancellationToken).ConfigureAwait(false);
        var latest = DateTimeOffset.FromUnixTimeSeconds(history.Max(commit => commit.Seconds));
        if (deadline is not { } due)
        {
            var head = history[0];
            return new GitSelection(branch, reference, head.Hash, DateTimeOffset.FromUnixTimeSeconds(head.Seconds), 0, latest);
        }

        // rev-list lists newest first (by committer date, parents after children); the first commit not after the
        // deadline is what `git rev-list -1 --before=<deadline>` returns. Whole seconds: git dates have no fraction.
        var dueSeconds = due.ToUnixTimeSeconds();
        var graded = history.FirstOrDefault(commit => commit.Seconds <= dueSeconds)
            ?? throw IntakeException.NoCommitBeforeDeadline(name, $"'{branch}'", due);
        var late = history.Count(commit => commit.Seconds > dueSeconds);
        return new GitSelection(
            branch, reference, graded.Hash, DateTimeOffset.FromUnixTimeSeconds(graded.Seconds).ToOffset(due.Offset), late, latest.ToOffset(due.Offset));
    }

    /// <summary>
    /// Writes the files of <paramref name="folder"/> (a '/'-separated path in the commit's tree, "" for all of it)
    /// at the selected commit into <paramref name="destination"/>, within <paramref name="limits"/>.
    /// </summary>
    public async Task<ZipExtraction> MaterialiseAsync(
        string repository, GitSelection selection, string folder, string destination, ZipLimits limits, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(Path.GetFullPath(repository).TrimEnd(Path.DirectorySeparatorChar));
        var treeish = folder.Length == 0 ? selection.Commit : $"{selection.Commit}:{folder}";
        CheckLimits(name, await ListFilesAsync(repository, treeish, cancellationToken).ConfigureAwait(false), limits);

        var work = Directory.CreateDirectory(Path.Combine(scratchFolder, "snapshot-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var bare = Path.Combine(work, "graded.git");
            var archive = Path.Combine(work, "graded.zip");
            await git.RunAsync(name, work, ["init", "--bare", "--quiet", bare], cancellationToken).ConfigureAwait(false);
            await git.RunAsync(
                name,
                work,
                ["--git-dir", bare, "fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--update-shallow", GitDirectory(repository), $"+{selection.Ref}:{GradedRef}"],
                cancellationToken).ConfigureAwait(false);
            await git.RunAsync(name, work, ["--git-dir", bare, "archive", "--format=zip", "-o", archive, treeish], cancellationToken).ConfigureAwait(false);
            return SafeZipExtractor.Extract(archive, destination, limits);
        }
        finally
        {
            TryDelete(work);
        }
    }

    /// <summary>The regular files of a tree (a commit, or "commit:folder"), with their sizes; links and submodules are left out.</summary>
    public async Task<ImmutableArray<GitTreeFile>> ListFilesAsync(string repository, string treeish, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(Path.GetFullPath(repository).TrimEnd(Path.DirectorySeparatorChar));
        var output = await git.RunAsync(
            name, scratchFolder, ["--git-dir", GitDirectory(repository), "ls-tree", "-r", "-l", "-z", "--full-tree", treeish], cancellationToken).ConfigureAwait(false);
        var files = ImmutableArray.CreateBuilder<GitTreeFile>();
        foreach (var record in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <object> <size>\t<path>", the size padded with spaces.
            var tab = record.IndexOf('\t', StringComparison.Ordinal);
            var fields = tab < 0 ? [] : record[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 4 && fields[1] == "blob" && fields[0].StartsWith("100", StringComparison.Ordinal)
                && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                files.Add(new GitTreeFile(record[(tab + 1)..], size, fields[0] == "100755"));
            }
        }

        return files.ToImmutable();
    }

    private async Task<(string Branch, string Ref)> DefaultBranchAsync(string repository, CancellationToken cancellationToken)
    {
        // The branch the hosting service calls default (recorded by `git clone`), else the branch checked out.
        foreach (var symbolic in new[] { "refs/remotes/origin/HEAD", "HEAD" })
        {
            var outcome = await git.TryAsync(scratchFolder, ["--git-dir", GitDirectory(repository), "symbolic-ref", "--quiet", symbolic], cancellationToken).ConfigureAwait(false);
            var target = outcome.StandardOutput.Text.Trim();
            if (outcome.Succeeded && target.StartsWith("refs/", StringComparison.Ordinal) && (symbolic == "HEAD" || await ExistsAsync(repository, target, cancellationToken).ConfigureAwait(false)))
            {
                return (ShortName(target), target);
            }
        }

        return ("HEAD", "HEAD");
    }

    private async Task<bool> ExistsAsync(string repository, string reference, CancellationToken cancellationToken) =>
        (await git.TryAsync(scratchFolder, ["--git-dir", GitDirectory(repository), "rev-parse", "--verify", "--quiet", reference + "^{commit}"], cancellationToken).ConfigureAwait(false)).Succeeded;

    private async Task<List<Commit>> HistoryAsync(string name, string repository, string reference, string branch, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(repository, reference, cancellationToken).ConfigureAwait(false))
        {
            throw IntakeException.EmptyRepository(name, $"'{branch}'");
        }

        var output = await git.RunAsync(
            name, scratchFolder, ["--git-dir", GitDirectory(repository), "rev-list", "--no-commit-header", "--format=%H %ct", reference, "--"], cancellationToken).ConfigureAwait(false);
        var history = new List<Commit>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            if (fields.Length != 2 || !fields[0].All(char.IsAsciiHexDigit) || !long.TryParse(fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
            {
                throw IntakeException.GitFailed(name, $"unexpected output of git rev-list: '{line}'");
            }

            history.Add(new Commit(fields[0], seconds));
        }

        return history.Count > 0 ? history : throw IntakeException.EmptyRepository(name, $"'{branch}'");
    }

    private static void CheckLimits(string name, ImmutableArray<GitTreeFile> files, ZipLimits limits)
    {
        if (files.Length > limits.MaxEntries)
        {
            throw IntakeException.RepositoryTooLarge(name, $"more than {limits.MaxEntries} files in the project folder");
        }

        if (files.FirstOrDefault(file => file.Size > limits.MaxFileBytes) is { } large)
        {
            throw IntakeException.RepositoryTooLarge(name, $"'{large.Path}' is larger than {ZipLimits.Describe(limits.MaxFileBytes)}");
        }

        if (files.Sum(file => file.Size) > limits.MaxTotalBytes)
        {
            throw IntakeException.RepositoryTooLarge(name, $"the project folder's files add up to more than {ZipLimits.Describe(limits.MaxTotalBytes)}");
        }
    }

    private static string GitDirectory(string repository) => Path.Combine(Path.GetFullPath(repository), ".git");

    private static string ShortName(string reference) =>
        reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..]
        : reference.StartsWith("refs/remotes/", StringComparison.Ordinal) ? reference["refs/remotes/".Length..]
        : reference;

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Git's pack files are read-only; a failure here leaves a temp folder, never a wrong grade.
        }
    }

    private sealed record Commit(string Hash, long Seconds);
}

/// <summary>A regular file of a commit's tree.</summary>
public sealed record GitTreeFile(string Path, long Size, bool Executable);
