using System.Collections.Immutable;
using Grader.Core.Processes;

namespace Grader.Core.Intake;

/// <summary>
/// Runs git through the process runner with an environment that ignores the user's and the system's git
/// configuration, never prompts, never takes optional locks (so reading a repository does not write to it) and
/// ignores replace refs (which could make one commit show another's content).
/// </summary>
internal sealed class GitCommand(IProcessRunner runner, string home, TimeSpan timeout)
{
    private const int MaxOutputBytes = 16 * 1024 * 1024;

    private readonly ImmutableSortedDictionary<string, string> environment = ChildEnvironment
        .For(home, Environment.GetEnvironmentVariable("PATH"))
        .SetItems(new Dictionary<string, string>
        {
            ["GIT_ATTR_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_NO_REPLACE_OBJECTS"] = "1",
            ["GIT_OPTIONAL_LOCKS"] = "0",
            ["GIT_TERMINAL_PROMPT"] = "0",
        });

    /// <summary>Runs git in <paramref name="workingDirectory"/>; the outcome says whether it succeeded.</summary>
    public Task<ProcessOutcome> TryAsync(string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        runner.RunAsync(
            new ProcessRequest(
                "git",
                ["-c", "core.fsmonitor=false", "-c", "core.quotePath=false", .. arguments],
                workingDirectory,
                environment,
                null,
                timeout,
                MaxOutputBytes),
            cancellationToken);

    /// <summary>Runs git and returns its standard output, or throws a one-line <see cref="IntakeException"/> naming <paramref name="entryName"/>.</summary>
    public async Task<string> RunAsync(string entryName, string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var outcome = await TryAsync(workingDirectory, arguments, cancellationToken).ConfigureAwait(false);
        if (outcome.StartError is not null)
        {
            throw IntakeException.GitFailed(entryName, $"git could not be started ({outcome.StartError}); install git");
        }

        if (outcome.TimedOut)
        {
            throw IntakeException.GitFailed(entryName, $"git took longer than {timeout.TotalSeconds:0} s");
        }

        if (outcome.ExitCode != 0)
        {
            throw IntakeException.GitFailed(entryName, outcome.StandardError.Text);
        }

        if (outcome.StandardOutput.Truncated)
        {
            throw IntakeException.GitFailed(entryName, $"git printed more than {MaxOutputBytes / 1024 / 1024} MiB (history or tree too large)");
        }

        return outcome.StandardOutput.Text;
    }
}
