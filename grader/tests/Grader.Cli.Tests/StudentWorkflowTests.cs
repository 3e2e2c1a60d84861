namespace Grader.Cli.Tests;

/// <summary>The pull-request workflow shipped in the student template.</summary>
public sealed class StudentWorkflowTests
{
    private static readonly string Workflow = CliRunner.Path("student-template", "python", ".github", "workflows", "grade.yml");

    [Fact]
    public void Grades_every_push_and_pull_request_with_grader_ci_from_the_tool_package()
    {
        var lines = File.ReadAllLines(Workflow);

        Assert.Contains("on:", lines);
        Assert.Contains("  push:", lines);
        Assert.Contains("  pull_request:", lines);
        Assert.Contains(lines, line => line.Trim() == "run: grader ci .");
        Assert.Contains(lines, line => line.Contains("dotnet tool install --tool-path", StringComparison.Ordinal) && line.Contains("--add-source", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("apt-get install -y pycodestyle", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains('\t', StringComparison.Ordinal));
    }
}
