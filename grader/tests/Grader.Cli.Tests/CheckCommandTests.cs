using System.Text.Json;

namespace Grader.Cli.Tests;

public sealed class CheckCommandTests
{
    private static readonly string Reference = CliRunner.Path("reference-solution", "python");

    [Fact]
    public async Task The_reference_solution_exits_0_with_full_marks_in_json()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("check", Reference, "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("grader.result/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal(json.RootElement.GetProperty("max_score").GetDouble(), json.RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task A_failing_submission_exits_1_and_the_report_names_file_line_and_check()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("check", CliRunner.Path("grader", "tests", "Grader.Core.Tests", "Fixtures", "submissions", "missing-return-annotation"));

        Assert.Equal(1, exitCode);
        Assert.Contains("PY-ANN-002", output, StringComparison.Ordinal);
        Assert.Contains("What to fix", output, StringComparison.Ordinal);
        Assert.Contains("Score:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csharp_reference_solution_is_detected_as_csharp_and_exits_0_with_full_marks()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("check", CliRunner.Path("reference-solution", "csharp"), "--format", "json");

        Assert.True(exitCode == 0, output + error);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("csharp", json.RootElement.GetProperty("track").GetString());
        Assert.Equal(json.RootElement.GetProperty("max_score").GetDouble(), json.RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task A_folder_with_python_and_csharp_files_exits_2_asking_for_track_and_track_settles_it()
    {
        var folder = Directory.CreateTempSubdirectory("grader-cli-both-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Reference).Concat(Directory.GetFiles(CliRunner.Path("reference-solution", "csharp"))))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
            }

            var (ambiguousExit, _, ambiguousError) = await CliRunner.RunAsync("check", folder);
            var (pythonExit, pythonOutput, _) = await CliRunner.RunAsync("check", folder, "--track", "python", "--format", "json", "--task", "0");

            Assert.Equal(2, ambiguousExit);
            Assert.Contains("--track", ambiguousError, StringComparison.Ordinal);
            Assert.Single(ambiguousError.Trim().Split('\n'));
            Assert.NotEqual(2, pythonExit);
            Assert.Equal("python", JsonDocument.Parse(pythonOutput).RootElement.GetProperty("track").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("does-not-exist", "does not exist")]
    [InlineData("README.md", "is a file, not a folder")]
    public async Task An_ungradable_path_exits_2_with_one_line_on_stderr(string path, string reason)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("check", CliRunner.Path(path));

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--task", "9")]
    [InlineData("--format", "xml")]
    [InlineData("--no-such-option")]
    public async Task A_bad_option_exits_2(params string[] option)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["check", Reference, .. option]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("grader: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_filter_grades_only_the_named_tasks()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("check", Reference, "--format", "json", "--task", "1", "--task", "3");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var tasks = json.RootElement.GetProperty("tasks").EnumerateArray().Select(task => task.GetProperty("task").GetInt32());
        Assert.Equal([1, 3], tasks);
    }

    [Fact]
    public async Task Waiving_the_executable_bit_skips_that_check_without_lowering_the_maximum()
    {
        var folder = CliRunner.Path("grader", "tests", "Grader.Core.Tests", "Fixtures", "submissions", "not-executable");

        var (exitCode, output, _) = await CliRunner.RunAsync("check", folder, "--format", "json", "--waive-exec-bit");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var checks = json.RootElement.GetProperty("tasks").EnumerateArray().SelectMany(task => task.GetProperty("checks").EnumerateArray());
        var exec = checks.Where(check => check.GetProperty("id").GetString() == "PY-CONV-003").ToList();
        Assert.All(exec, check => Assert.Equal("skipped", check.GetProperty("status").GetString()));
        Assert.All(exec, check => Assert.Equal(0, check.GetProperty("max_points").GetDouble()));
    }

    [Fact]
    public async Task Help_explains_the_exit_codes_and_formats()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("check", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Exit codes: 0", output, StringComparison.Ordinal);
        Assert.Contains("json", output, StringComparison.Ordinal);
        Assert.Contains("--waive-exec-bit", output, StringComparison.Ordinal);
    }
}
