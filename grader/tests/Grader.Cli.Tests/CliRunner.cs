using System.Collections;

namespace Grader.Cli.Tests;

/// <summary>Runs the CLI in-process with captured streams, against the real tools and the shipped rules.</summary>
internal static class CliRunner
{
    public static string RepositoryRoot { get; } = FindRoot();

    // The variables 'grader ci' detects platforms by: a test sets them itself, whatever machine runs it.
    private static readonly string[] PlatformVariables = ["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "GITLAB_CI"];

    public static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        RunInAsync(new Dictionary<string, string?>(), System.IO.Path.Combine(System.IO.Path.GetTempPath(), "no-gradescope-here"), args);

    /// <summary>Runs with these environment variables (on top of the process's, minus any CI platform's) and Gradescope root.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunInAsync(
        IReadOnlyDictionary<string, string?> variables, string gradescopeRoot, params string[] args)
    {
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(entry => !PlatformVariables.Contains((string)entry.Key))
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value);
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        await using var app = GraderApp.Create(environment, AppContext.BaseDirectory, gradescopeRoot, error);
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
