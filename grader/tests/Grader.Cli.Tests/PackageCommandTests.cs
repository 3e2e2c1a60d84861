using System.Diagnostics;
using System.IO.Compression;

namespace Grader.Cli.Tests;

public sealed class PackageCommandTests
{
    [Fact]
    public async Task Gradescope_bundle_has_executable_scripts_that_parse_the_package_and_a_zip_of_them()
    {
        using var folder = new TempDirectory();
        var package = folder.Path("grader.0.1.0.nupkg");
        File.WriteAllText(package, "a stand-in for the tool package");

        var (exitCode, output, error) = await CliRunner.RunAsync("package", "gradescope", folder.Path("bundle"), "--nupkg", package);

        Assert.True(exitCode == 0, error);
        Assert.Contains("autograder.zip", output, StringComparison.Ordinal);
        foreach (var script in new[] { "setup.sh", "run_autograder" })
        {
            var path = folder.Path("bundle", script);
            Assert.True(File.Exists(path), script);
            if (!OperatingSystem.IsWindows())
            {
                Assert.True((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, $"{script} is not executable");
            }

            Assert.Equal(0, await BashSyntaxCheckAsync(path));
        }

        Assert.Contains("dotnet tool install --tool-path /autograder/tools --add-source /autograder/source grader", File.ReadAllText(folder.Path("bundle", "setup.sh")), StringComparison.Ordinal);
        Assert.Contains("pycodestyle", File.ReadAllText(folder.Path("bundle", "setup.sh")), StringComparison.Ordinal);
        Assert.Contains("grader ci /autograder/submission", File.ReadAllText(folder.Path("bundle", "run_autograder")), StringComparison.Ordinal);
        Assert.True(File.Exists(folder.Path("bundle", "grader.0.1.0.nupkg")));
        using var zip = ZipFile.OpenRead(folder.Path("bundle", "autograder.zip"));
        Assert.Equal(["grader.0.1.0.nupkg", "run_autograder", "setup.sh"], zip.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(0b111_101_101, (zip.GetEntry("run_autograder")!.ExternalAttributes >> 16) & 0b111_111_111);
    }

    [Fact]
    public async Task A_missing_package_exits_2_with_one_line()
    {
        using var folder = new TempDirectory();

        var (exitCode, _, error) = await CliRunner.RunAsync("package", "gradescope", folder.Path("bundle"), "--nupkg", folder.Path("nope.nupkg"));

        Assert.Equal(2, exitCode);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("dotnet pack", error, StringComparison.Ordinal);
    }

    private static async Task<int> BashSyntaxCheckAsync(string path)
    {
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", path]) { RedirectStandardError = true })!;
        await bash.WaitForExitAsync();
        return bash.ExitCode;
    }
}
