using System.CommandLine;
using Grader.Core.Engine;
using Grader.Core.Sandbox;

namespace Grader.Cli.Commands;

/// <summary>
/// --no-sandbox, and what each command does when the machine cannot isolate student code: 'check' grades and says so
/// (a student on their own machine risks only themselves), 'batch' and 'ci' refuse unless --no-sandbox is given,
/// since there student code shares the machine with classmates, results and secrets.
/// </summary>
internal static class SandboxChoice
{
    public static Option<bool> CreateOption() => new("--no-sandbox")
    {
        Description = "Run student code without the bubblewrap sandbox, with rlimits only, as the grader's user (the reports say so). "
            + "Without this, 'batch' and 'ci' refuse to run where no sandbox can be made; 'check' grades anyway and says so.",
    };

    public static async Task<ChildSandbox> ResolveAsync(GraderApp app, CliConsole console, bool declined, string? refusingCommand, CancellationToken cancellationToken)
    {
        var sandbox = await app.SandboxAsync(declined, cancellationToken);
        var isolation = sandbox.Isolation;
        if (isolation.Level == IsolationLevel.UnprivilegedUser)
        {
            await console.Error.WriteLineAsync($"grader: sandbox without namespaces: {isolation.Reason}.");
            return sandbox;
        }

        if (isolation.Isolated)
        {
            return sandbox;
        }

        if (!isolation.Chosen && refusingCommand is not null)
        {
            throw GraderSetupException.NoIsolation(refusingCommand, isolation.Reason ?? isolation.Description);
        }

        await console.Error.WriteLineAsync($"grader: no sandbox: student code runs with rlimits only, as your user, because {isolation.Reason}.");
        return sandbox;
    }
}
