using System.Collections;

namespace Grader.Cli.Tests;

/// <summary>Runs the CLI in-process with captured streams, against the real tools and the shipped rules.</summary>
internal static class CliRunner
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value);
        await using var app = GraderApp.Create(environment, AppContext.BaseDirectory);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await GraderCli.RunAsync(app, new CliConsole(output, error, colorEnabled: false), args);
        return (exitCode, output.ToString(), error.ToString());
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([RepositoryRoot, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "grader", "Grader.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root.");
    }
}
