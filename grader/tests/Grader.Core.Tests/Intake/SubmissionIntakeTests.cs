using Grader.Core.Assignment;
using Grader.Core.Intake;
using Grader.Core.Processes;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Intake;

public sealed class SubmissionIntakeTests : IDisposable
{
    private const string Project = "0x01-python_async_function";

    private readonly TempFolder temp = new();
    private readonly IntakeOptions options;

    public SubmissionIntakeTests() =>
        options = IntakeOptions.For(AssignmentLoader.Load(RepositoryPaths.Assignment), temp.Path("work")) with
        {
            Deadline = DateTimeOffset.Parse("2026-11-30T23:59:00+01:00", System.Globalization.CultureInfo.InvariantCulture),
        };

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_options_come_from_the_assignment()
    {
        Assert.Equal(Project, options.ProjectFolderName);
        Assert.Contains("0-basic_async_syntax.py", options.TaskFiles);
    }

    [Fact]
    public async Task A_folder_is_copied_into_the_work_folder_at_intake_and_later_changes_to_it_are_not_graded()
    {
        temp.Write($"class/alice/{Project}/0-basic_async_syntax.py", "async def wait_random(): ...\n");
        temp.Write($"class/alice/{Project}/notes/plan.md", "plan\n");
        temp.Write("class/alice/README.md");
        File.CreateSymbolicLink(temp.Path("class", "alice", Project, "secret.py"), "/etc/passwd");

        var alice = Assert.Single(await IntakeAsync(temp.Path("class")));
        File.WriteAllText(temp.Path("class", "alice", Project, "0-basic_async_syntax.py"), "print('changed after intake')\n");
        File.WriteAllText(temp.Path("class", "alice", Project, "1-concurrent_coroutines.py"), "added after intake\n");

        Assert.Equal(("alice", temp.Path("work", "alice"), null, false), (alice.StudentId, alice.ProjectFolder, alice.Ungradable, alice.Late));
        Assert.Equal("async def wait_random(): ...\n", File.ReadAllText(Path.Combine(alice.ProjectFolder!, "0-basic_async_syntax.py")));
        Assert.Equal(["0-basic_async_syntax.py", "notes/plan.md"], Directory.GetFiles(alice.ProjectFolder!, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(alice.ProjectFolder!, file)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_zip_is_extracted_into_the_work_folder_and_skipped_entries_are_noted()
    {
        TestZip.Write(temp.Path("class", "bob.zip"), ZipItem.Executable($"{Project}/3-tasks.py"), ZipItem.Text("../../evil.py"), ZipItem.Link("x.py", "/etc/passwd"));

        var bob = Assert.Single(await IntakeAsync(temp.Path("class")));

        Assert.Equal(temp.Path("work", "bob", Project), bob.ProjectFolder);
        Assert.True(File.Exists(Path.Combine(bob.ProjectFolder!, "3-tasks.py")));
        Assert.Equal("skipped 2 entries of 'bob.zip': '../../evil.py' (its path leaves the extraction folder ('..')), 'x.py' (it is a symbolic link)", Assert.Single(bob.Notes));
    }

    [Fact]
    public async Task One_broken_or_hostile_entry_is_ungradable_and_the_others_are_taken_in()
    {
        temp.Write("class/alice/0-basic_async_syntax.py");
        File.WriteAllText(temp.Path("class", "bob.zip"), "PK but not really");
        TestZip.Bomb(temp.Path("class", "carol.zip"), 64L * 1024 * 1024);
        TestZip.Write(temp.Path("class", "dave.zip"), ZipItem.Text("homework/main.py"));

        var results = await IntakeAsync(temp.Path("class"), options with { Limits = ZipLimits.Submission with { MaxTotalBytes = 8 * 1024 * 1024 } });

        Assert.Equal(
            [
                ("alice", null),
                ("bob", "'bob.zip' is not a valid zip archive: "),
                ("carol", "'carol.zip' is too large to extract: "),
                ("dave", "no project folder found: "),
            ],
            results.Select(result => (result.StudentId, result.Ungradable?[..(result.Ungradable.IndexOf(':', StringComparison.Ordinal) + 2)])));
        Assert.All(results.Skip(1), result => Assert.Null(result.ProjectFolder));
    }

    [Fact]
    public async Task A_cloned_repository_is_graded_at_the_deadline_from_its_project_folder()
    {
        var repo = await TestRepository.InitAsync(temp.Path("class", "carol"));
        repo.Write("README.md", "# alx-backend-python\n");
        repo.Write("0x00-python_variable_annotations/0-add.py");
        repo.Write($"{Project}/0-basic_async_syntax.py", "on time\n", executable: true);
        var onTime = await repo.CommitAsync("2026-11-30T22:00:00+01:00");
        repo.Write($"{Project}/0-basic_async_syntax.py", "late\n", executable: true);
        await repo.CommitAsync("2026-12-01T08:00:00+01:00");

        var carol = Assert.Single(await IntakeAsync(temp.Path("class")));

        Assert.Equal(("carol", temp.Path("work", "carol"), null, true, onTime), (carol.StudentId, carol.ProjectFolder, carol.Ungradable, carol.Late, carol.Commit));
        Assert.Equal("on time\n", File.ReadAllText(temp.Path("work", "carol", "0-basic_async_syntax.py")));
        Assert.Equal(
            [
                $"graded commit {onTime[..12]} on 'main', committed 2026-11-30T22:00:00+01:00",
                "late: 1 commit(s) on 'main' are dated after the deadline 2026-11-30T23:59:00+01:00, the newest 2026-12-01T08:00:00+01:00 (commit dates are set by the student's machine)",
                $"the project folder is '{Project}/' of the repository",
            ],
            carol.Notes.Select(note => note));
    }

    [Fact]
    public async Task A_repository_with_every_commit_after_the_deadline_is_ungradable_and_late()
    {
        var repo = await TestRepository.InitAsync(temp.Path("class", "dave"));
        repo.Write($"{Project}/0-basic_async_syntax.py");
        await repo.CommitAsync("2026-12-01T08:00:00+01:00");

        var dave = Assert.Single(await IntakeAsync(temp.Path("class")));

        Assert.Null(dave.ProjectFolder);
        Assert.True(dave.Late);
        Assert.StartsWith("'dave' has no commit on 'main' at or before the deadline", dave.Ungradable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repository_without_task_files_is_ungradable_with_the_reason()
    {
        var repo = await TestRepository.InitAsync(temp.Path("class", "erin"));
        repo.Write("homework/main.py");
        await repo.CommitAsync("2026-11-29T08:00:00+01:00");

        var erin = Assert.Single(await IntakeAsync(temp.Path("class")));

        Assert.Null(erin.ProjectFolder);
        Assert.StartsWith("no project folder found", erin.Ungradable, StringComparison.Ordinal);
        Assert.NotNull(erin.Commit);
    }

    [Fact]
    public async Task Ambiguous_folders_are_graded_deterministically_with_a_note()
    {
        temp.Write("class/frank/try1/0-basic_async_syntax.py");
        temp.Write("class/frank/try2/1-concurrent_coroutines.py");

        var frank = Assert.Single(await IntakeAsync(temp.Path("class")));

        Assert.Equal(temp.Path("work", "frank"), frank.ProjectFolder);
        Assert.True(File.Exists(temp.Path("work", "frank", "0-basic_async_syntax.py")));
        Assert.False(File.Exists(temp.Path("work", "frank", "1-concurrent_coroutines.py")));
        Assert.Equal("ambiguous project folder: 'try1/' and 'try2/' each hold 1 task file(s); 'try1/' was graded", Assert.Single(frank.Notes));
    }

    [Fact]
    public async Task A_rerun_with_the_same_work_folder_starts_clean()
    {
        TestZip.Write(temp.Path("class", "bob.zip"), ZipItem.Text("3-tasks.py"));
        await IntakeAsync(temp.Path("class"));
        File.WriteAllText(temp.Path("work", "bob", "stale.py"), "left over\n");

        var bob = Assert.Single(await IntakeAsync(temp.Path("class")));

        Assert.False(File.Exists(Path.Combine(bob.ProjectFolder!, "stale.py")));
    }

    private Task<IntakeResult[]> IntakeAsync(string source) => IntakeAsync(source, options);

    private async Task<IntakeResult[]> IntakeAsync(string source, IntakeOptions with)
    {
        var scan = BatchEntryScanner.Scan(source, temp.Path("extracted-" + Guid.NewGuid().ToString("N")));
        var intake = new SubmissionIntake(new ProcessRunner(), with);
        return await Task.WhenAll(scan.Entries.Select(entry => intake.PrepareAsync(entry, CancellationToken.None)));
    }
}
