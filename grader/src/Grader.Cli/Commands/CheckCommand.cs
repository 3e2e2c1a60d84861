using System.CommandLine;
using Grader.Core.Reporting;

namespace Grader.Cli.Commands;

/// <summary><c>grader check &lt;folder&gt;</c>: grades one submission folder and prints a report.</summary>
internal static class CheckCommand
{
    public static Command Create(GraderApp app, CliConsole console)
    {
        var folder = new Argument<string>("folder") { Description = "The submission folder: the one that holds the task files (0-basic_async_syntax.py..., or the .csproj and BasicAsyncSyntax.cs... of the C# track)." };
        var options = new GradeCommandOptions(ReporterCatalog.Create(ReportOptions.Default), app);
        var command = new Command("check", "Grade one submission folder: files, conventions, syntax, Python 3.7 compatibility, style, docstrings, annotations, API, "
            + "and behaviour (each task's code runs in a sandboxed child process, in virtual time). A C# submission gets the same "
            + "kinds of checks: Roslyn's compile, dotnet format, XML docs, API and behaviour.\n"
            + GradeCommandOptions.ExitCodesHelp)
        {
            folder,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => console.GuardAsync(() =>
            GradeRun.RunAsync(app, console, options.Bind(parse, parse.GetValue(folder)!, [], string.Empty), cancellationToken)));
        return command;
    }
}
