using System.CommandLine;
using Grader.Cli.Commands;

namespace Grader.Cli;

/// <summary>Builds the command tree and runs it; usage errors exit with code 2 like any ungradable input.</summary>
internal static class GraderCli
{
    public static RootCommand Build(GraderApp app, CliConsole console) =>
        new("grader: grades the \"0x01. Python - Async\" project, in Python or in its C# port (the language is detected from the folder, or set with --track). "
            + "Start with 'grader check <folder>'; 'grader doctor' shows which tools it uses.")
        {
            CheckCommand.Create(app, console),
            CiCommand.Create(app, console),
            PackageCommand.Create(app, console),
            BatchCommand.Create(app, console),
            DoctorCommand.Create(app, console),
            SetupCommand.Create(app, console),
            ExplainCommand.Create(app, console),
        };

    public static async Task<int> RunAsync(GraderApp app, CliConsole console, string[] args)
    {
        var root = Build(app, console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"grader: {error.Message}");
            }

            await console.Error.WriteLineAsync("Run 'grader --help' or 'grader check --help' for usage.");
            return ExitCodes.CannotGrade;
        }

        // Ctrl-C cancels the action, which stops its children and keeps what is already written; only if that takes
        // longer than this is the process ended without it.
        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(10) });
    }
}
