using System.CommandLine;
using Grader.Core.Engine;
using Grader.Core.Provisioning;
using Grader.Python;
using Grader.Python.Evidence;
using Grader.Python.Tools;
using Grader.CSharp.Compiling;

namespace Grader.Cli.Commands;

/// <summary><c>grader doctor</c>: says which interpreters, tools and .NET SDK the grader would use, and what is missing.</summary>
internal static class DoctorCommand
{
    public static Command Create(GraderApp app, CliConsole console)
    {
        var python = new Option<string?>("--python") { Description = "Check this interpreter instead of searching for Python 3.7." };
        var command = new Command("doctor", "Show the Python interpreters, pycodestyle, the .NET SDK (C# track), the sandbox and the assignment rules the grader would use, each with its version and where it came from, and how to install what is missing ('grader setup' installs it).") { python };
        command.SetAction((parse, cancellationToken) => console.GuardAsync(async () =>
        {
            var assignmentFolder = app.AssignmentDirectory(null);
            var spec = app.LoadAssignment(null);
            var tools = await app.LocateToolsAsync(spec, GradingOptions.Default.WithTrackOption(new PythonOptions(parse.GetValue(python))), cancellationToken);
            var output = console.Out;
            await output.WriteLineAsync($"grader {GraderApp.GraderVersion}");
            await output.WriteLineAsync($"assignment:       {spec.Title} ({assignmentFolder})");
            await output.WriteLineAsync($"target python:    {tools.DescribeTarget()}");
            await output.WriteLineAsync($"analysis python:  {tools.Analysis?.Display ?? "not found: install python3 (3.8 or newer)"}");
            var style = tools.Style(StyleProfile.Pycodestyle25, Path.Combine(assignmentFolder, PythonEvidenceCollector.StyleProfileScript));
            var origin = new PackageOrigin(app.Runner, ProvisionerSettings.FromEnvironment(app.Environment));
            await output.WriteLineAsync($"pycodestyle:      {(style is null ? $"not found: {ToolEnvironment.PycodestyleInstallHint}" : style.Tool + await WhereFromAsync(origin, tools.Pycodestyle, cancellationToken))}");
            await output.WriteLineAsync($"dotnet sdk:       {DescribeDotnetSdk()}");
            var isolation = (await app.SandboxAsync(declined: false, cancellationToken)).Isolation;
            await output.WriteLineAsync(isolation.Isolated
                ? $"sandbox:          {isolation.Description}"
                : $"sandbox:          {isolation.Description}; 'check' runs student code with rlimits only, 'batch' and 'ci' refuse to without --no-sandbox ({isolation.Reason})");
            var ready = tools.Analysis is not null && style is not null;
            await output.WriteLineAsync(ready ? "ready: every check can run." : "not ready: the checks that need a missing tool will report 'error'.");
            return ready ? ExitCodes.AllPassed : ExitCodes.ChecksFailed;
        }));
        return command;
    }

    // Where the installed command came from, which the style line alone does not say.
    private static async Task<string> WhereFromAsync(PackageOrigin origin, PycodestyleTool? installed, CancellationToken cancellationToken) =>
        installed is null ? string.Empty
            : await origin.DescribeAsync(installed.Path, cancellationToken) is { } package ? $"; {installed.Path} is from the {package}"
            : $"; {installed.Path} is not from a Debian package";

    // The C# track needs the SDK only when a C# submission is graded, so its absence is reported but does not make
    // the (Python) grader "not ready".
    private static string DescribeDotnetSdk()
    {
        try
        {
            var sdk = DotnetSdk.Locate();
            return $"{sdk.SdkVersion} ({sdk.DotnetHost}); the C# track compiles against {sdk.ReferenceFolder} and runs on runtime {sdk.RuntimeVersion}";
        }
        catch (GraderSetupException exception)
        {
            return $"not found, so C# submissions cannot be graded: {exception.Message}";
        }
    }
}
