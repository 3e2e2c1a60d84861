using System.Text.Json;
using System.Xml.Linq;

namespace Grader.Cli.Tests;

/// <summary>--report FORMAT=PATH, --fail-under and --reveal-hidden on 'grader check'.</summary>
public sealed class ReportOptionTests
{
    private static readonly string Reference = CliRunner.Path("reference-solution", "python");
    private static readonly string Template = CliRunner.Path("student-template", "python");

    [Fact]
    public async Task A_report_on_stdout_keeps_stdout_clean_and_moves_the_terminal_report_to_stderr()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("check", Reference, "--seed", "7", "--report", "gradescope=-");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(json.RootElement.GetProperty("score").GetDouble(), json.RootElement.GetProperty("tests").EnumerateArray().Sum(test => test.GetProperty("score").GetDouble()));
        Assert.Contains("Score:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_go_to_files_in_folders_created_for_them_from_one_grading()
    {
        using var folder = new TempDirectory();

        var (exitCode, output, _) = await CliRunner.RunAsync(
            "check", Template, "--seed", "7",
            "--report", $"json={folder.Path("a", "b", "result.json")}",
            "--report", $"junit={folder.Path("junit.xml")}",
            "--report", $"markdown={folder.Path("report.md")}",
            "--report", $"sarif={folder.Path("s.sarif")}",
            "--report", $"prairielearn={folder.Path("pl.json")}");

        Assert.Equal(1, exitCode);
        Assert.Contains("Score:", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(folder.Path("a", "b", "result.json")));
        var score = json.RootElement.GetProperty("score").GetDouble();
        Assert.Contains($"**Score: {score}/", File.ReadAllText(folder.Path("report.md")), StringComparison.Ordinal);
        Assert.Equal("testsuites", XDocument.Load(folder.Path("junit.xml")).Root!.Name.LocalName);
        Assert.Equal("2.1.0", JsonDocument.Parse(File.ReadAllText(folder.Path("s.sarif"))).RootElement.GetProperty("version").GetString());
        Assert.Empty(Directory.EnumerateFiles(folder.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("junit", "is not FORMAT=PATH")]
    [InlineData("junit=", "is not FORMAT=PATH")]
    [InlineData("=out.xml", "is not FORMAT=PATH")]
    [InlineData("xml=out.xml", "there is no format 'xml'")]
    public async Task A_bad_report_gives_one_line_and_exit_2_before_grading(string report, string reason)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("check", Reference, "--report", report);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Two_reports_on_stdout_or_a_folder_as_path_exit_2()
    {
        using var folder = new TempDirectory();

        var (twice, _, twiceError) = await CliRunner.RunAsync("check", Reference, "--report", "json=-", "--report", "junit=-");
        var (directory, _, directoryError) = await CliRunner.RunAsync("check", Reference, "--report", $"json={folder.Root}");

        Assert.Equal(2, twice);
        Assert.Contains("only one report can go to stdout", twiceError, StringComparison.Ordinal);
        Assert.Equal(2, directory);
        Assert.Contains("is a folder", directoryError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ungradable_submission_still_gives_the_platforms_their_document()
    {
        using var folder = new TempDirectory();

        var (exitCode, _, error) = await CliRunner.RunAsync(
            "check", CliRunner.Path("does-not-exist"), "--report", $"prairielearn={folder.Path("pl.json")}", "--report", $"gradescope={folder.Path("gs.json")}");

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        using var prairie = JsonDocument.Parse(File.ReadAllText(folder.Path("pl.json")));
        Assert.False(prairie.RootElement.GetProperty("gradable").GetBoolean());
        Assert.Contains("does not exist", prairie.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        using var gradescope = JsonDocument.Parse(File.ReadAllText(folder.Path("gs.json")));
        Assert.Equal(0, gradescope.RootElement.GetProperty("score").GetDouble());
    }

    [Theory]
    [InlineData("50%", 0)]
    [InlineData("65 %", 0)]
    [InlineData("95%", 1)]
    [InlineData("100", 0)]
    [InlineData("150.5", 1)]
    public async Task Fail_under_sets_the_exit_code_by_the_score(string threshold, int expected)
    {
        // The template scores 114 of 173 points (65.9%): every static check passes, every behaviour check fails.
        var (exitCode, _, _) = await CliRunner.RunAsync("check", Template, "--seed", "7", "--fail-under", threshold);

        Assert.Equal(expected, exitCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("120%")]
    [InlineData("-3")]
    public async Task A_bad_fail_under_exits_2(string threshold)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("check", Reference, "--fail-under", threshold);

        Assert.Equal(2, exitCode);
        Assert.Contains("--fail-under", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hidden_checks_of_the_assignment_are_left_out_of_student_reports_until_revealed()
    {
        using var folder = new TempDirectory();
        var assignment = folder.Path("assignment");
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "checks", "python-async"), assignment);
        var rules = Path.Combine(assignment, "assignment.json");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace("\"hidden\": []", "\"hidden\": [\"PY-BEH-012\"]", StringComparison.Ordinal));

        var (_, student, _) = await CliRunner.RunAsync("check", Reference, "--seed", "7", "--assignment", assignment, "--report", $"json={folder.Path("r.json")}");
        var (_, revealed, _) = await CliRunner.RunAsync("check", Reference, "--seed", "7", "--assignment", assignment, "--reveal-hidden");

        Assert.DoesNotContain("PY-BEH-012", student, StringComparison.Ordinal);
        Assert.Contains("1 hidden check worth up to 4 points is not shown", student, StringComparison.Ordinal);
        Assert.Contains("PY-BEH-012", revealed, StringComparison.Ordinal);
        var json = File.ReadAllText(folder.Path("r.json"));
        Assert.Contains("\"hidden\": true", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_format_the_audiences_and_the_exit_codes()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("check", "--help");

        Assert.Equal(0, exitCode);
        foreach (var format in new[] { "human", "json", "markdown", "junit", "gradescope", "prairielearn", "github", "sarif" })
        {
            Assert.Contains(format, output, StringComparison.Ordinal);
        }

        Assert.Contains("--report", output, StringComparison.Ordinal);
        Assert.Contains("--fail-under", output, StringComparison.Ordinal);
        Assert.Contains("--reveal-hidden", output, StringComparison.Ordinal);
        Assert.Contains("terminal report goes to stderr", output, StringComparison.Ordinal);
        Assert.Contains("Student-facing formats", output, StringComparison.Ordinal);
        Assert.Contains("FORMAT=PATH", output, StringComparison.Ordinal);
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
