using Grader.Core.Intake;

namespace Grader.Core.Tests.Intake;

public sealed class ProjectFolderLocatorTests
{
    private const string Project = "0x01-python_async_function";

    private static readonly string[] Tasks =
        ["0-basic_async_syntax.py", "1-concurrent_coroutines.py", "2-measure_runtime.py", "3-tasks.py", "4-tasks.py"];

    [Fact]
    public void The_root_when_it_holds_a_task_file()
    {
        var found = Locate("README.md", "0-basic_async_syntax.py", $"{Project}/0-basic_async_syntax.py", $"{Project}/1-concurrent_coroutines.py");

        Assert.Equal(string.Empty, found.RelativePath);
        Assert.Empty(found.Notes);
    }

    [Fact]
    public void The_shallowest_folder_named_like_the_project_even_when_another_holds_more_task_files()
    {
        var found = Locate(
            "README.md",
            $"old/{Project}/0-basic_async_syntax.py",
            $"{Project}/0-basic_async_syntax.py",
            "scratch/0-basic_async_syntax.py",
            "scratch/1-concurrent_coroutines.py",
            "scratch/2-measure_runtime.py");

        Assert.Equal(Project, found.RelativePath);
        Assert.Equal(1, found.TaskFiles);
        Assert.Empty(found.Notes);
    }

    [Fact]
    public void The_named_folder_deep_inside_a_repository()
    {
        var found = Locate("README.md", "0x00-python_variable_annotations/0-add.py", $"alx-backend-python/{Project}/3-tasks.py");

        Assert.Equal($"alx-backend-python/{Project}", found.RelativePath);
    }

    [Fact]
    public void Otherwise_the_folder_holding_the_most_task_files()
    {
        var found = Locate("a/0-basic_async_syntax.py", "b/0-basic_async_syntax.py", "b/1-concurrent_coroutines.py", "c/README.md");

        Assert.Equal("b", found.RelativePath);
        Assert.Equal(2, found.TaskFiles);
        Assert.Empty(found.Notes);
    }

    [Fact]
    public void A_tie_is_ambiguous_names_both_folders_and_picks_deterministically()
    {
        var found = Locate("zeta/0-basic_async_syntax.py", "alpha/1-concurrent_coroutines.py", "alpha/x/README.md");

        Assert.Equal("alpha", found.RelativePath);
        var note = Assert.Single(found.Notes);
        Assert.Equal("ambiguous project folder: 'alpha/' and 'zeta/' each hold 1 task file(s); 'alpha/' was graded", note);
    }

    [Fact]
    public void A_tie_prefers_the_shallower_folder()
    {
        var found = Locate("a/b/0-basic_async_syntax.py", "z/0-basic_async_syntax.py");

        Assert.Equal("z", found.RelativePath);
        Assert.Contains("'z/' and 'a/b/'", Assert.Single(found.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_folder_without_task_files_loses_to_the_folder_that_has_them_with_a_note()
    {
        var found = Locate($"{Project}/README.md", "src/0-basic_async_syntax.py");

        Assert.Equal("src", found.RelativePath);
        Assert.Contains($"'{Project}/' holds none of the task files", Assert.Single(found.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_folder_without_any_task_file_is_still_graded_so_the_student_learns_what_is_missing()
    {
        var found = Locate($"{Project}/README.md", $"{Project}/0-basic_async.py");

        Assert.Equal(Project, found.RelativePath);
        Assert.Equal(0, found.TaskFiles);
        Assert.Single(found.Notes);
    }

    [Fact]
    public void No_task_file_and_no_named_folder_is_no_project_folder()
    {
        var found = Locate("README.md", "homework/main.py");

        Assert.False(found.Found);
        Assert.StartsWith("no project folder found", found.Problem, StringComparison.Ordinal);
        Assert.Null(found.Under("/anywhere"));
    }

    [Fact]
    public void Hidden_folders_and_macOS_metadata_are_not_searched()
    {
        var found = Locate(".git/0-basic_async_syntax.py", "__MACOSX/0-basic_async_syntax.py", ".venv/lib/3-tasks.py");

        Assert.False(found.Found);
    }

    [Fact]
    public void On_disk_empty_named_folders_count_and_links_are_not_followed()
    {
        using var temp = new TempFolder();
        temp.Folder($"alice/{Project}");
        temp.Write("elsewhere/0-basic_async_syntax.py");
        Directory.CreateSymbolicLink(temp.Path("alice", "link"), temp.Path("elsewhere"));

        var found = ProjectFolderLocator.Locate(temp.Path("alice"), Tasks, Project);

        Assert.Equal(Project, found.RelativePath);
        Assert.Equal(temp.Path("alice", Project), found.Under(temp.Path("alice")));
    }

    private static ProjectFolder Locate(params string[] files) => ProjectFolderLocator.Locate(files, Tasks, Project);
}
