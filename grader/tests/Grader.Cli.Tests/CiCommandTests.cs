using System.Text.Json;
using System.Xml.Linq;

namespace Grader.Cli.Tests;

/// <summary>'grader ci' on each platform, faked through its environment variables and the Gradescope root.</summary>
public sealed class CiCommandTests
{
    private static readonly string Reference = CliRunner.Path("reference-solution", "python");
    private static readonly string Template = CliRunner.Path("student-template", "python");

    [Fact]
    public async Task On_GitHub_Actions_it_annotates_on_stdout_appends_the_job_summary_and_writes_json()
    {
        using var folder = new TempDirectory();
        var summary = folder.Path("summary.md");
        File.WriteAllText(summary, "# an earlier step\n");
        var variables = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_WORKSPACE"] = CliRunner.RepositoryRoot,
        };

        var (exitCode, output, error) = await CliRunner.RunInAsync(variables, folder.Path("none"), "ci", Template, "--seed", "7", "--out-dir", folder.Path("out"));

        Assert.Equal(1, exitCode);
        Assert.Contains("GitHub Actions detected", error, StringComparison.Ordinal);
        Assert.Contains("::error file=student-template/python/0-basic_async_syntax.py,", output, StringComparison.Ordinal);
        Assert.Contains("::notice title=Grader score::", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Score:", output, StringComparison.Ordinal);
        Assert.Contains("Score:", error, StringComparison.Ordinal);
        var written = File.ReadAllText(summary);
        Assert.StartsWith("# an earlier step\n# Grading report: python", written, StringComparison.Ordinal);
        Assert.Contains("## What to fix", written, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(folder.Path("out", "result.json")));
        Assert.Equal("grader.result/1", json.RootElement.GetProperty("schema").GetString());
    }

    [Fact]
    public async Task The_job_summary_stays_under_GitHubs_1_MiB_even_after_earlier_steps_wrote_to_it()
    {
        using var folder = new TempDirectory();
        var summary = folder.Path("summary.md");
        const int limit = 1024 * 1024;
        File.WriteAllText(summary, new string('x', limit - 1500) + "\n");
        var variables = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };

        var (exitCode, _, _) = await CliRunner.RunInAsync(variables, folder.Path("none"), "ci", Template, "--seed", "7", "--out-dir", folder.Path("out"));

        Assert.Equal(1, exitCode);
        Assert.InRange(new FileInfo(summary).Length, limit - 1500, limit);
        Assert.Contains("cut here to fit GitHub's 1 MiB limit", File.ReadAllText(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_GitLab_CI_it_writes_junit_and_markdown()
    {
        using var folder = new TempDirectory();

        var (exitCode, output, error) = await CliRunner.RunInAsync(
            new Dictionary<string, string?> { ["GITLAB_CI"] = "true" }, folder.Path("none"), "ci", Reference, "--seed", "7", "--out-dir", folder.Path("out"));

        Assert.Equal(0, exitCode);
        Assert.Contains("GitLab CI detected", error, StringComparison.Ordinal);
        Assert.Contains("Score:", output, StringComparison.Ordinal);
        Assert.Equal("0", XDocument.Load(folder.Path("out", "junit.xml")).Root!.Attribute("failures")!.Value);
        Assert.Contains("every check passed", File.ReadAllText(folder.Path("out", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Gradescope_it_grades_the_submission_folder_into_results_json()
    {
        using var autograder = new TempDirectory();
        Directory.CreateDirectory(autograder.Path("submission"));
        foreach (var file in Directory.EnumerateFiles(Reference))
        {
            File.Copy(file, autograder.Path("submission", Path.GetFileName(file)));
        }

        var (exitCode, _, error) = await CliRunner.RunInAsync(new Dictionary<string, string?>(), autograder.Root, "ci", "--seed", "7", "--waive-exec-bit");

        Assert.Equal(0, exitCode);
        Assert.Contains("Gradescope detected", error, StringComparison.Ordinal);
        using var results = JsonDocument.Parse(File.ReadAllText(autograder.Path("results", "results.json")));
        var tests = results.RootElement.GetProperty("tests").EnumerateArray().ToList();
        Assert.NotEmpty(tests);
        Assert.Equal(tests.Sum(test => test.GetProperty("max_score").GetDouble()), results.RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Without_a_platform_it_grades_like_check()
    {
        using var folder = new TempDirectory();

        var (exitCode, output, error) = await CliRunner.RunInAsync(new Dictionary<string, string?>(), folder.Path("none"), "ci", Reference, "--seed", "7", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Contains("no CI platform detected", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(json.RootElement.GetProperty("max_score").GetDouble(), json.RootElement.GetProperty("score").GetDouble());
    }
}
