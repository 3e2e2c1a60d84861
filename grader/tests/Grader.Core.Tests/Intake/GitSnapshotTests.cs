using Grader.Core.Intake;
using Grader.Core.Processes;

namespace Grader.Core.Tests.Intake;

public sealed class GitSnapshotTests : IDisposable
{
    private static readonly DateTimeOffset Deadline = DateTimeOffset.Parse("2026-11-30T23:59:00+01:00", System.Globalization.CultureInfo.InvariantCulture);

    private readonly TempFolder temp = new();
    private readonly GitSnapshot git;

    public GitSnapshotTests() => git = new GitSnapshot(new ProcessRunner(), temp.Path("scratch"), TimeSpan.FromSeconds(60));

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Without_a_deadline_the_head_of_the_checked_out_branch_is_graded()
    {
        var repo = await TestRepository.InitAsync(temp.Path("alice"));
        repo.Write("a.py");
        await repo.CommitAsync("2026-11-20T10:00:00+01:00");
        repo.Write("b.py");
        var head = await repo.CommitAsync("2026-12-05T10:00:00+01:00");

        var selection = await git.SelectAsync(repo.Folder, null, CancellationToken.None);

        Assert.Equal(("main", "refs/heads/main", head, 0, false), (selection.Branch, selection.Ref, selection.Commit, selection.CommitsAfterDeadline, selection.Late));
    }

    [Fact]
    public async Task With_a_deadline_the_last_commit_at_or_before_it_is_graded_and_later_work_makes_it_late()
    {
        var repo = await TestRepository.InitAsync(temp.Path("alice"));
        repo.Write("a.py", "v1\n");
        await repo.CommitAsync("2026-11-29T10:00:00+01:00");
        repo.Write("a.py", "v2\n");
        var onTime = await repo.CommitAsync("2026-11-30T23:59:00+01:00");
        repo.Write("a.py", "v3\n");
        await repo.CommitAsync("2026-12-01T09:00:00+01:00");
        repo.Write("a.py", "v4\n");
        await repo.CommitAsync("2026-12-02T09:00:00+01:00");

        var selection = await git.SelectAsync(repo.Folder, Deadline, CancellationToken.None);

        Assert.Equal(onTime, selection.Commit);
        Assert.Equal(Deadline, selection.CommitDate);
        Assert.Equal(2, selection.CommitsAfterDeadline);
        Assert.True(selection.Late);
        Assert.Equal(DateTimeOffset.Parse("2026-12-02T09:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture), selection.LatestCommitDate);
        Assert.Equal(onTime, (await repo.GitAsync("rev-list", "-1", "--before=2026-11-30T23:59:00+01:00", "main")).Trim());
    }

    [Fact]
    public async Task The_committer_date_decides_not_the_author_date()
    {
        var repo = await TestRepository.InitAsync(temp.Path("alice"));
        repo.Write("a.py", "v1\n");
        var first = await repo.CommitAsync("2026-11-29T10:00:00+01:00");
        repo.Write("a.py", "v2\n");
        await repo.CommitAsync("2026-12-03T10:00:00+01:00", authorDate: "2026-11-30T12:00:00+01:00");

        var selection = await git.SelectAsync(repo.Folder, Deadline, CancellationToken.None);

        Assert.Equal(first, selection.Commit);
        Assert.True(selection.Late);
    }

    [Fact]
    public async Task No_commit_before_the_deadline_is_ungradable_and_late()
    {
        var repo = await TestRepository.InitAsync(temp.Path("alice"));
        repo.Write("a.py");
        await repo.CommitAsync("2026-12-01T00:00:00+01:00");

        var exception = await Assert.ThrowsAsync<IntakeException>(() => git.SelectAsync(repo.Folder, Deadline, CancellationToken.None));

        Assert.Equal("'alice' has no commit on 'main' at or before the deadline 2026-11-30T23:59:00+01:00: every commit is dated after it.", exception.Message);
        Assert.True(exception.Late);
    }

    [Fact]
    public async Task A_repository_without_commits_is_ungradable()
    {
        var repo = await TestRepository.InitAsync(temp.Path("alice"));

        var exception = await Assert.ThrowsAsync<IntakeException>(() => git.SelectAsync(repo.Folder, null, CancellationToken.None));

        Assert.Equal("'alice' has no commit on 'main'.", exception.Message);
    }

    [Fact]
    public async Task A_clone_grades_the_remote_default_branch_even_with_another_branch_checked_out()
    {
        var origin = await TestRepository.InitAsync(temp.Path("origin"));
        origin.Write("a.py");
        var main = await origin.CommitAsync("2026-11-29T10:00:00+01:00");
        await origin.GitAsync("clone", "--quiet", origin.Folder, temp.Path("alice"));
        var clone = new TestRepository(temp.Path("alice"));
        await clone.GitAsync("checkout", "--quiet", "-b", "experiment");
        clone.Write("b.py");
        await clone.CommitAsync("2026-11-30T10:00:00+01:00");

        var selection = await git.SelectAsync(clone.Folder, null, CancellationToken.None);

        Assert.Equal(("origin/main", "refs/remotes/origin/main", main), (selection.Branch, selection.Ref, selection.Commit));
        var extraction = await git.MaterialiseAsync(clone.Folder, selection, string.Empty, temp.Path("out"), ZipLimits.Submission, CancellationToken.None);
        Assert.Equal(["a.py"], Directory.EnumerateFileSystemEntries(extraction.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_detached_head_is_graded_as_it_is()
    {
        var repo = await TestRepository.InitAsync(temp.Path("alice"));
        repo.Write("a.py");
        var first = await repo.CommitAsync("2026-11-29T10:00:00+01:00");
        repo.Write("b.py");
        await repo.CommitAsync("2026-11-30T10:00:00+01:00");
        await repo.GitAsync("checkout", "--quiet", "--detach", first);

        var selection = await git.SelectAsync(repo.Folder, null, CancellationToken.None);

        Assert.Equal(("HEAD", first), (selection.Branch, selection.Commit));
        var extraction = await git.MaterialiseAsync(repo.Folder, selection, string.Empty, temp.Path("out"), ZipLimits.Submission, CancellationToken.None);
        Assert.Equal(["a.py"], Directory.EnumerateFileSystemEntries(extraction.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_graded_commit_is_written_with_its_executable_bits_and_no_links()
    {
        var repo = await TestRepository.InitAsync(temp.Path("alice"));
        repo.Write("0x01-python_async_function/0-basic_async_syntax.py", "old\n", executable: true);
        await repo.CommitAsync("2026-11-29T10:00:00+01:00");
        repo.Write("0x01-python_async_function/0-basic_async_syntax.py", "new\n", executable: true);
        repo.Write("0x01-python_async_function/README.md", "# late\n");
        File.CreateSymbolicLink(Path.Combine(repo.Folder, "0x01-python_async_function", "secret.py"), "/etc/passwd");
        await repo.CommitAsync("2026-12-01T10:00:00+01:00");
        var selection = await git.SelectAsync(repo.Folder, Deadline, CancellationToken.None);

        var extraction = await git.MaterialiseAsync(repo.Folder, selection, "0x01-python_async_function", temp.Path("out"), ZipLimits.Submission, CancellationToken.None);

        Assert.Equal(["0-basic_async_syntax.py"], Directory.EnumerateFileSystemEntries(extraction.Root).Select(Path.GetFileName));
        Assert.Equal("old\n", File.ReadAllText(temp.Path("out", "0-basic_async_syntax.py")));
        Assert.True((new FileInfo(temp.Path("out", "0-basic_async_syntax.py")).UnixFileMode & UnixFileMode.UserExecute) != 0);
    }

    [Fact]
    public async Task Links_in_the_tree_are_written_nowhere()
    {
        var repo = await TestRepository.InitAsync(temp.Path("alice"));
        repo.Write("a.py", "x\n", executable: true);
        File.CreateSymbolicLink(Path.Combine(repo.Folder, "secret.py"), "/etc/passwd");
        await repo.CommitAsync("2026-11-29T10:00:00+01:00");
        var selection = await git.SelectAsync(repo.Folder, null, CancellationToken.None);

        var extraction = await git.MaterialiseAsync(repo.Folder, selection, string.Empty, temp.Path("out"), ZipLimits.Submission, CancellationToken.None);

        Assert.Equal(["a.py"], Directory.EnumerateFileSystemEntries(extraction.Root).Select(Path.GetFileName));
        Assert.Equal("secret.py", Assert.Single(extraction.Skipped).Name);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_anything_is_written()
    {
        var repo = await TestRepository.InitAsync(temp.Path("alice"));
        repo.Write("data.py", new string('x', 3 * 1024 * 1024));
        await repo.CommitAsync("2026-11-29T10:00:00+01:00");
        var selection = await git.SelectAsync(repo.Folder, null, CancellationToken.None);

        var exception = await Assert.ThrowsAsync<IntakeException>(() =>
            git.MaterialiseAsync(repo.Folder, selection, string.Empty, temp.Path("out"), ZipLimits.Submission with { MaxFileBytes = 1024 * 1024 }, CancellationToken.None));

        Assert.Equal("'alice' is too large to grade: 'data.py' is larger than 1 MiB.", exception.Message);
        Assert.False(Directory.Exists(temp.Path("out")));
    }

    [Fact]
    public async Task Reading_and_snapshotting_leave_the_students_repository_unchanged()
    {
        var repo = await TestRepository.InitAsync(temp.Path("alice"));
        repo.Write("a.py");
        await repo.CommitAsync("2026-11-29T10:00:00+01:00");
        repo.Write("a.py", "uncommitted\n");
        var before = repo.GitFolderState();

        var selection = await git.SelectAsync(repo.Folder, Deadline, CancellationToken.None);
        await git.MaterialiseAsync(repo.Folder, selection, string.Empty, temp.Path("out"), ZipLimits.Submission, CancellationToken.None);

        Assert.Equal(before, repo.GitFolderState());
        Assert.Equal("uncommitted\n", File.ReadAllText(Path.Combine(repo.Folder, "a.py")));
        Assert.Equal("#!/usr/bin/env python3\n", File.ReadAllText(temp.Path("out", "a.py")));
    }

    [Fact]
    public async Task A_filter_configured_in_the_students_repository_is_never_run()
    {
        var repo = await TestRepository.InitAsync(temp.Path("alice"));
        repo.Write(".gitattributes", "*.py filter=evil\n");
        repo.Write("a.py");
        await repo.CommitAsync("2026-11-29T10:00:00+01:00");
        var marker = temp.Path("pwned");
        await repo.GitAsync("config", "filter.evil.smudge", $"touch '{marker}'; cat");

        // The attack is real: `git archive` in the student's own repository runs the student's filter...
        await repo.GitAsync("archive", "--format=zip", "-o", temp.Path("control.zip"), "HEAD");
        Assert.True(File.Exists(marker), "the control run should have triggered the filter");
        File.Delete(marker);

        // ...but the snapshot does not.
        var selection = await git.SelectAsync(repo.Folder, null, CancellationToken.None);
        await git.MaterialiseAsync(repo.Folder, selection, string.Empty, temp.Path("out"), ZipLimits.Submission, CancellationToken.None);

        Assert.False(File.Exists(marker));
        Assert.True(File.Exists(temp.Path("out", "a.py")));
    }

    [Fact]
    public void Only_a_real_git_folder_makes_a_repository()
    {
        temp.Folder("real/.git");
        temp.Write("pointer/.git", "gitdir: /somewhere/else/.git\n");
        temp.Folder("target/.git");
        temp.Folder("linked");
        Directory.CreateSymbolicLink(temp.Path("linked", ".git"), temp.Path("target", ".git"));

        Assert.True(GitSnapshot.IsRepository(temp.Path("real")));
        Assert.False(GitSnapshot.IsRepository(temp.Path("pointer")));
        Assert.False(GitSnapshot.IsRepository(temp.Path("linked")));
        Assert.False(GitSnapshot.IsRepository(temp.Path("nothing")));
    }
}
