using System.Collections.Immutable;
using System.CommandLine;
using Grader.Core.Provisioning;
using Grader.Core.Sandbox;
using Grader.Python.Tools;

namespace Grader.Cli.Commands;

/// <summary>
/// <c>grader setup</c>: installs the system tools grading needs and lacks, the way 'check' would at first need; with
/// --tests also those of the test suite, which runs it before its tests. Silent when nothing is missing.
/// </summary>
internal static class SetupCommand
{
    /// <summary>Only the test suite uses it: the HTML class report is checked in a real browser.</summary>
    public static SystemTool Chromium { get; } = new("chromium", "chromium", "the test suite's check of the HTML class report in headless Chromium");

    public static ImmutableArray<SystemTool> GradingTools { get; } = [PythonSystemTools.Pycodestyle, SandboxPreparation.Bubblewrap];

    public static Command Create(GraderApp app, CliConsole console)
    {
        var tests = new Option<bool>("--tests") { Description = $"Also install what the test suite needs ({Chromium.DebianPackage})." };
        var command = new Command(
            "setup",
            "Install what the grader needs and is missing (" + string.Join(", ", GradingTools.Select(tool => tool.DebianPackage)) + ") from the system's packages, once: "
            + "as root with apt-get, saying in one line what it installs and why; otherwise one line per tool says the command to run. "
            + "Prints nothing when everything is there. 'grader check' does the same by itself when a tool is missing; "
            + $"set {ProvisionerSettings.NoInstallVariable}=1 to forbid installing.")
        {
            tests,
        };
        command.SetAction((parse, cancellationToken) => console.GuardAsync(async () =>
        {
            var provisioner = app.Provisioner();
            var missing = 0;
            foreach (var tool in parse.GetValue(tests) ? GradingTools.Add(Chromium) : GradingTools)
            {
                var outcome = await provisioner.EnsureAsync(tool, cancellationToken);
                if (outcome.Line is { } line)
                {
                    await console.Error.WriteLineAsync(line);
                }

                missing += outcome.Status == ProvisionStatus.Missing ? 1 : 0;
            }

            return missing == 0 ? ExitCodes.AllPassed : ExitCodes.ChecksFailed;
        }));
        return command;
    }
}
