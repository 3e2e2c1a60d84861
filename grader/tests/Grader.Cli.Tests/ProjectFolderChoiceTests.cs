using System.Text.Json;

namespace Grader.Cli.Tests;

/// <summary>
/// 'check' and 'ci' run where a student runs them: at the root of the course repository (alx-backend-python), with
/// one folder per project, the way a batch finds the project inside a submission.
/// </summary>
public sealed class ProjectFolderChoiceTests
{
    private const string Project = "0x01-python_async_function";

    [Fact]
    public async Task At_the_root_of_the_course_repository_check_grades_the_project_folder_and_says_which()
    {
        using var repository = CourseRepository(("0x00-python_variable_annotations", null), (Project, "reference-solution"));

        var (exitCode, output, error) = await CliRunner.RunAsync("check", repository.Root, "--format", "json", "--seed", "7");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(json.RootElement.GetProperty("max_score").GetDouble(), json.RootElement.GetProperty("score").GetDouble());
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"grader: grading {Path.Combine(repository.Root, Project)}, the project folder inside {repository.Root}", line);
    }

    [Fact]
    public async Task One_folder_holding_the_task_files_under_another_name_is_found_too()
    {
        using var repository = CourseRepository(("async-homework", "reference-solution"), ("notes", null));

        var (exitCode, _, error) = await CliRunner.RunAsync("check", repository.Root, "--task", "0", "--seed", "7");

        Assert.Equal(0, exitCode);
        Assert.Contains("grading " + Path.Combine(repository.Root, "async-homework"), error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_folders_with_as_many_task_files_are_called_ambiguous_and_the_line_says_how_to_choose()
    {
        using var repository = CourseRepository(("first-try", "reference-solution"), ("second-try", "student-template"));

        var (_, _, error) = await CliRunner.RunAsync("check", repository.Root, "--task", "0", "--seed", "7");

        Assert.Contains("grading " + Path.Combine(repository.Root, "first-try"), error, StringComparison.Ordinal);
        Assert.Contains("ambiguous project folder: 'first-try/' and 'second-try/'", error, StringComparison.Ordinal);
        Assert.Contains("give the folder's path to grade another one", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_holds_the_task_files_itself_is_graded_as_given_without_a_word()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("check", CliRunner.Path("reference-solution", "python"), "--task", "0", "--seed", "7");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public async Task An_empty_folder_is_graded_as_given_so_the_report_lists_the_missing_files()
    {
        using var empty = new TempDirectory();

        var (exitCode, output, error) = await CliRunner.RunAsync("check", empty.Root, "--seed", "7");

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("grading", error, StringComparison.Ordinal);
        Assert.Contains("0-basic_async_syntax.py", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_GitHub_Actions_at_the_repository_root_annotations_point_into_the_project_folder()
    {
        using var repository = CourseRepository((Project, "student-template"));
        var variables = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_STEP_SUMMARY"] = repository.Path("summary.md"),
            ["GITHUB_WORKSPACE"] = repository.Root,
        };

        var (exitCode, output, error) = await CliRunner.RunInAsync(variables, repository.Path("no-gradescope"), "ci", repository.Root, "--seed", "7", "--out-dir", repository.Path("out"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"grading {Path.Combine(repository.Root, Project)}", error, StringComparison.Ordinal);
        Assert.Contains($"::error file={Project}/0-basic_async_syntax.py,", output, StringComparison.Ordinal);
    }

    /// <summary>A repository with these project folders, each a copy of a solution's top-level files, or only a README.</summary>
    private static TempDirectory CourseRepository(params (string Folder, string? CopyOf)[] projects)
    {
        var repository = new TempDirectory();
        File.WriteAllText(repository.Path("README.md"), "# alx-backend-python\n");
        foreach (var (folder, copyOf) in projects)
        {
            Directory.CreateDirectory(repository.Path(folder));
            if (copyOf is null)
            {
                File.WriteAllText(repository.Path(folder, "README.md"), $"# {folder}\n");
                continue;
            }

            foreach (var file in Directory.GetFiles(CliRunner.Path(copyOf, "python")))
            {
                // File.Copy keeps the executable bit on Unix.
                File.Copy(file, repository.Path(folder, Path.GetFileName(file)));
            }
        }

        return repository;
    }
}
