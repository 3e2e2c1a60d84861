using Grader.Core.Engine;
using Grader.Core.Intake;

namespace Grader.Core.Tests.Intake;

public sealed class BatchEntryScannerTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_folder_of_folders_zips_and_repositories_lists_each_as_an_entry_sorted_by_id()
    {
        temp.Write("class/carol/0-basic_async_syntax.py");
        temp.Write("class/Alice Smith/README.md");
        TestZip.Write(temp.Path("class", "bob.ZIP"), ZipItem.Text("0-basic_async_syntax.py"));
        temp.Folder("class/dave/.git");

        var scan = BatchEntryScanner.Scan(temp.Path("class"), temp.Path("extracted"));

        Assert.Equal(
            [("Alice_Smith", EntryKind.Folder, "Alice Smith"), ("bob", EntryKind.Zip, "bob.ZIP"), ("carol", EntryKind.Folder, "carol"), ("dave", EntryKind.GitRepository, "dave")],
            scan.Entries.Select(entry => (entry.StudentId, entry.Kind, entry.Name)));
        Assert.All(scan.Entries, entry => Assert.True(Path.IsPathFullyQualified(entry.SourcePath)));
        Assert.Empty(scan.Skipped);
    }

    [Fact]
    public void Hidden_files_metadata_links_and_other_files_are_skipped_with_the_reason()
    {
        temp.Write("class/alice/README.md");
        temp.Write("class/.DS_Store");
        temp.Folder("class/.hidden-student");
        temp.Folder("class/__MACOSX");
        temp.Write("class/grades.csv");
        temp.Write("class/bob.tar.gz");
        Directory.CreateSymbolicLink(temp.Path("class", "eve"), temp.Path("class", "alice"));

        var scan = BatchEntryScanner.Scan(temp.Path("class"), temp.Path("extracted"));

        Assert.Equal(["alice"], scan.Entries.Select(entry => entry.StudentId));
        Assert.Equal(
            [
                (".DS_Store", "hidden"),
                (".hidden-student", "hidden"),
                ("__MACOSX", "macOS metadata"),
                ("bob.tar.gz", "not a folder, a .zip archive or a git repository"),
                ("eve", "a symbolic link (not followed)"),
                ("grades.csv", "not a folder, a .zip archive or a git repository"),
            ],
            scan.Skipped.Select(skipped => (skipped.Name, skipped.Reason)));
    }

    [Fact]
    public void Names_that_clash_get_unique_ids_with_a_note()
    {
        temp.Folder("class/alice");
        TestZip.Write(temp.Path("class", "alice.zip"), ZipItem.Text("a.py"));

        var scan = BatchEntryScanner.Scan(temp.Path("class"), temp.Path("extracted"));

        Assert.Equal(["alice", "alice-2"], scan.Entries.Select(entry => entry.StudentId));
        Assert.Contains("alice-2", Assert.Single(scan.Entries[1].Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_of_zips_and_folders_is_extracted_and_each_inner_zip_or_top_folder_is_an_entry()
    {
        var outer = TestZip.Write(
            temp.Path("class.zip"),
            new ZipItem("alice.zip", TestZip.Bytes(ZipItem.Text("0x01-python_async_function/0-basic_async_syntax.py"))),
            new ZipItem("bob.zip", TestZip.Bytes(ZipItem.Text("3-tasks.py"))),
            ZipItem.Text("carol/1-concurrent_coroutines.py"),
            ZipItem.Text("notes.txt", "not a submission"),
            ZipItem.Text("../escape.zip"));

        var scan = BatchEntryScanner.Scan(outer, temp.Path("extracted"));

        Assert.Equal(
            [("alice", EntryKind.Zip), ("bob", EntryKind.Zip), ("carol", EntryKind.Folder)],
            scan.Entries.Select(entry => (entry.StudentId, entry.Kind)));
        Assert.All(scan.Entries, entry => Assert.StartsWith(temp.Path("extracted"), entry.SourcePath, StringComparison.Ordinal));
        Assert.Equal(["../escape.zip", "notes.txt"], scan.Skipped.Select(skipped => skipped.Name));
        Assert.False(File.Exists(temp.Path("escape.zip")));
    }

    [Fact]
    public void A_zip_that_wraps_everything_in_one_folder_is_unwrapped_with_a_note()
    {
        var outer = TestZip.Write(
            temp.Path("class.zip"),
            new ZipItem("submissions/alice.zip", TestZip.Bytes(ZipItem.Text("3-tasks.py"))),
            ZipItem.Text("submissions/bob/3-tasks.py"));

        var scan = BatchEntryScanner.Scan(outer, temp.Path("extracted"));

        Assert.Equal(["alice", "bob"], scan.Entries.Select(entry => entry.StudentId));
        Assert.Contains("'submissions/'", Assert.Single(scan.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_with_one_student_folder_is_not_unwrapped()
    {
        var outer = TestZip.Write(temp.Path("class.zip"), ZipItem.Text("alice/README.md"), ZipItem.Text("alice/0x01-python_async_function/3-tasks.py"));

        var scan = BatchEntryScanner.Scan(outer, temp.Path("extracted"));

        Assert.Equal(["alice"], scan.Entries.Select(entry => entry.StudentId));
        Assert.Empty(scan.Notes);
    }

    [Fact]
    public void A_broken_outer_zip_or_a_missing_source_stops_before_grading_with_one_line()
    {
        File.WriteAllText(temp.Path("class.zip"), "not a zip");

        var broken = Assert.Throws<GraderSetupException>(() => BatchEntryScanner.Scan(temp.Path("class.zip"), temp.Path("extracted")));
        var missing = Assert.Throws<GraderSetupException>(() => BatchEntryScanner.Scan(temp.Path("nowhere"), temp.Path("extracted")));

        Assert.StartsWith("<dir-or-zip>: 'class.zip' is not a valid zip archive: ", broken.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
    }
}
