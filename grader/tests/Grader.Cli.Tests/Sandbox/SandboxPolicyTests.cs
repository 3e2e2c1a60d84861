namespace Grader.Cli.Tests.Sandbox;

/// <summary>
/// Where no sandbox can be made (here: bubblewrap missing and installing forbidden), 'batch' and 'ci' refuse to run
/// student code unless --no-sandbox is given, and 'check' grades, says so on stderr and in the report.
/// </summary>
public sealed class SandboxPolicyTests : IDisposable
{
    private readonly TempDirectory work = new();

    // No bubblewrap on PATH and no installing it: the machine offers no sandbox.
    private Dictionary<string, string?> NoBubblewrap() => new()
    {
        ["PATH"] = Directory.CreateDirectory(work.Path("empty-path")).FullName,
        ["GRADER_NO_INSTALL"] = "1",
    };

    [Fact]
    public async Task Batch_refuses_to_run_student_code_without_a_sandbox()
    {
        var source = work.Path("class");
        BatchCommandTests.Copy(CliRunner.Path("reference-solution", "python"), Path.Combine(source, "alice"));

        var (exitCode, _, error) = await CliRunner.RunInAsync(NoBubblewrap(), work.Path("no-gradescope"), "batch", source, "--out", work.Path("out"));

        Assert.Equal(2, exitCode);
        Assert.Contains("'grader batch' will not run student code without a sandbox, and there is none because bubblewrap is missing", error, StringComparison.Ordinal);
        Assert.Contains("--no-sandbox", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(work.Path("out", "results")));
    }

    [Fact]
    public async Task Ci_refuses_to_run_student_code_without_a_sandbox()
    {
        var (exitCode, _, error) = await CliRunner.RunInAsync(NoBubblewrap(), work.Path("no-gradescope"), "ci", CliRunner.Path("reference-solution", "python"));

        Assert.Equal(2, exitCode);
        Assert.Contains("'grader ci' will not run student code without a sandbox", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_grades_without_a_sandbox_and_says_so_on_stderr_and_in_the_report()
    {
        var (_, output, error) = await CliRunner.RunInAsync(NoBubblewrap(), work.Path("no-gradescope"), "check", CliRunner.Path("reference-solution", "python"), "--format", "json");

        Assert.Contains("grader: no sandbox: student code runs with rlimits only, as your user, because bubblewrap is missing: run `sudo apt-get install -y bubblewrap`", error, StringComparison.Ordinal);
        Assert.Contains("\"sandbox\": \"none (rlimits only): bubblewrap is missing\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_sandbox_is_said_in_the_report()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("check", CliRunner.Path("reference-solution", "python"), "--format", "json", "--no-sandbox");

        Assert.Equal(0, exitCode);
        Assert.Contains("\"sandbox\": \"none (--no-sandbox): rlimits only\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sandboxed_check_names_bubblewrap_in_the_report()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("check", CliRunner.Path("reference-solution", "python"), "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Contains("\"sandbox\": \"bubblewrap ", output, StringComparison.Ordinal);
    }

    public void Dispose() => work.Dispose();
}
