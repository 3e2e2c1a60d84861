namespace Grader.Cli.Tests;

public sealed class OtherCommandTests
{
    [Fact]
    public async Task Doctor_names_the_interpreters_pycodestyle_and_the_dotnet_sdk()
    {
        var (_, output, _) = await CliRunner.RunAsync("doctor");

        Assert.Contains("target python:", output, StringComparison.Ordinal);
        Assert.Contains("analysis python:", output, StringComparison.Ordinal);
        Assert.Contains("pycodestyle:", output, StringComparison.Ordinal);
        Assert.Matches(@"dotnet sdk: +10\.\d+\.\d+ \(", output);
    }

    [Fact]
    public async Task Explain_lists_every_check_and_details_one()
    {
        var (listExit, list, _) = await CliRunner.RunAsync("explain");
        var (oneExit, one, _) = await CliRunner.RunAsync("explain", "py-doc-003");

        Assert.Equal(0, listExit);
        Assert.Contains("PY-CONV-001", list, StringComparison.Ordinal);
        Assert.Equal(0, oneExit);
        Assert.Contains("## How to fix it", one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_of_an_unknown_id_exits_2()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("explain", "PY-NOPE-999");

        Assert.Equal(2, exitCode);
        Assert.Contains("no check has this id", error, StringComparison.Ordinal);
    }
}
