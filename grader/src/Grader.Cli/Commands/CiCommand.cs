using System.CommandLine;
using Grader.Core.Reporting;

namespace Grader.Cli.Commands;

/// <summary><c>grader ci [folder]</c>: 'check' with the reports the detected CI or grading platform expects.</summary>
internal static class CiCommand
{
    public static Command Create(GraderApp app, CliConsole console)
    {
        var folder = new Argument<string?>("folder")
        {
            Description = "The submission folder (default: the current folder; on Gradescope /autograder/submission).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outputFolder = new Option<string>("--out-dir") { Description = "Where the default report files go on GitHub Actions and GitLab CI.", DefaultValueFactory = _ => "grader-results" };
        var options = new GradeCommandOptions(ReporterCatalog.Create(ReportOptions.Default), app);
        var command = new Command("ci", "Grade in CI with one line: detects GitHub Actions (GITHUB_ACTIONS=true: annotations and the job summary on stdout and $GITHUB_STEP_SUMMARY, "
            + "plus <out-dir>/result.json), GitLab CI (GITLAB_CI=true: <out-dir>/junit.xml for artifacts:reports:junit and <out-dir>/report.md) "
            + "and Gradescope (/autograder exists: grades /autograder/submission into /autograder/results/results.json); elsewhere it is 'check'. "
            + "--report adds reports to these.\n" + GradeCommandOptions.ExitCodesHelp)
        {
            folder, outputFolder,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => console.GuardAsync(async () =>
        {
            var platform = CiPlatform.Detect(app.Environment, app.GradescopeRoot, parse.GetValue(outputFolder)!);
            var target = parse.GetValue(folder) ?? platform.DefaultFolder ?? ".";
            await console.Error.WriteLineAsync(platform.Reports.IsEmpty
                ? "grader ci: no CI platform detected; grading as 'grader check' would."
                : $"grader ci: {platform.Name} detected; reports: {string.Join(", ", platform.Reports)}.");
            var request = options.Bind(parse, target, platform.Reports, CiPlatform.SourceRoot(app.Environment, target), refusingCommand: "ci");
            return await GradeRun.RunAsync(app, console, request, cancellationToken);
        }));
        return command;
    }
}
