using System.CommandLine;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Core.Python.Tools;
using Grader.CSharp.Compiling;

namespace Grader.Cli.Commands;

/// <summary><c>grader doctor</c>: says which interpreters, tools and .NET SDK the grader would use, and what is missing.</summary>
internal static class DoctorCommand
{
    public static Command Create(GraderApp app, CliConsole console)
    {
        var python = new Option<string?>("--python") { Description = "Check this interpreter instead of searching for Python 3.7." };
        var command = new Command("doctor", "Show the Python interpreters, pycodestyle, the .NET SDK (C# track) and the assignment rules the grader would use, and how to install what is missing.") { python };
        command.SetAction((parse, cancellationToken) => console.GuardAsync(async () =>
        {
            var assignmentFolder = app.AssignmentDirectory(null);
            var spec = app.LoadAssignment(null);
            var tools = await app.LocateToolsAsync(spec, GradingOptions.Default with { Python = parse.GetValue(python) }, cancellationToken);
            var output = console.Out;
            await output.WriteLineAsync($"grader {GraderApp.GraderVersion}");
            await output.WriteLineAsync($"assignment:       {spec.Title} ({assignmentFolder})");
            await output.WriteLineAsync($"target python:    {tools.DescribeTarget()}");
            await output.WriteLineAsync($"analysis python:  {tools.Analysis?.Display ?? "not found: install python3 (3.8 or newer)"}");
            var style = tools.Style(StyleProfile.Pycodestyle25, Path.Combine(assignmentFolder, EvidenceCollector.StyleProfileScript));
            await output.WriteLineAsync($"pycodestyle:      {style?.Tool ?? $"not found: {ToolEnvironment.PycodestyleInstallHint}"}");
            await output.WriteLineAsync($"dotnet sdk:       {DescribeDotnetSdk()}");
            var ready = tools.Analysis is not null && style is not null;
            await output.WriteLineAsync(ready ? "ready: every check can run." : "not ready: the checks that need a missing tool will report 'error'.");
            return ready ? ExitCodes.AllPassed : ExitCodes.ChecksFailed;
        }));
        return command;
    }

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
