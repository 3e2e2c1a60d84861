using System.Collections.Immutable;
using System.CommandLine;
using Grader.Core.Engine;
using Grader.Core.Python.Tools;
using Grader.Core.Reporting;
using Grader.Core.Submissions;

namespace Grader.Cli.Commands;

/// <summary><c>grader check &lt;folder&gt;</c>: grades one submission folder and prints a report.</summary>
internal static class CheckCommand
{
    public static Command Create(GraderApp app, CliConsole console)
    {
        var reporters = ReporterCatalog.Create(console.ColorEnabled);
        var folder = new Argument<string>("folder") { Description = "The submission folder: the one that holds the task files (0-basic_async_syntax.py..., or the .csproj and BasicAsyncSyntax.cs... of the C# track)." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "How to print the result: " + string.Join("; ", reporters.Reporters.Select(r => $"{r.Format} = {r.Description}")) + ".",
            DefaultValueFactory = _ => "human",
        };
        format.AcceptOnlyFromAmong([.. reporters.Formats]);
        var tasks = new Option<int[]>("--task", "-t") { Description = "Grade only this task number (repeat for several: --task 0 --task 1). The project checks (README) always run." };
        var waiveExec = new Option<bool>("--waive-exec-bit") { Description = "Do not check the executable bit (for uploads, such as zips from some LMSs, that lose file modes)." };
        var python = new Option<string?>("--python") { Description = "The Python interpreter that compiles student code (default: Python 3.7 from PATH or pyenv, else python3)." };
        var profile = new Option<string>("--style-profile")
        {
            Description = "pycodestyle behaviour to apply: 2.5 = what pycodestyle 2.5 (the assignment's version) reports; installed = what the installed pycodestyle reports.",
            DefaultValueFactory = _ => "2.5",
        };
        profile.AcceptOnlyFromAmong("2.5", "installed");
        var clock = new Option<string>("--clock")
        {
            Description = "How behaviour tests keep time: virtual = sleeps complete at once while the clocks advance as if real (fast, exact); real = real, scaled-down sleeps (a cross-check).",
            DefaultValueFactory = _ => "virtual",
        };
        clock.AcceptOnlyFromAmong("virtual", "real");
        var seed = new Option<int?>("--seed") { Description = "Seed of the random values handed to the student's code (printed in every report); give the same seed to reproduce a run." };
        var assignment = new Option<string?>("--assignment") { Description = "Folder of the assignment rules (default: the track's folder shipped with the grader, checks/python-async or checks/csharp-async)." };
        var track = new Option<string?>("--track")
        {
            Description = "The language of the submission: " + string.Join(" or ", app.Tracks.Names) + " (default: detected from the folder's files; "
                + string.Join("; ", app.Tracks.Tracks.Select(t => $"{t.Name} = {t.Signature}")) + ").",
        };
        track.AcceptOnlyFromAmong([.. app.Tracks.Names]);

        var command = new Command("check", "Grade one submission folder: files, conventions, syntax, Python 3.7 compatibility, style, docstrings, annotations, API, "
            + "and behaviour (each task's code runs in a sandboxed child process, in virtual time).\n"
            + "Exit codes: 0 every check passed, 1 some check did not pass, 2 the folder cannot be graded (the reason is printed on stderr).")
        {
            folder, format, tasks, waiveExec, python, profile, clock, seed, assignment, track,
        };
        command.SetAction((parse, cancellationToken) => console.GuardAsync(async () =>
        {
            var submission = SubmissionLoader.Load(parse.GetValue(folder)!);
            var chosen = app.Tracks.Select(parse.GetValue(track), submission);
            var spec = app.LoadAssignment(parse.GetValue(assignment), chosen);
            var selected = (parse.GetValue(tasks) ?? []).ToImmutableSortedSet();
            var unknown = selected.Where(number => spec.Tasks.All(task => task.Number != number)).ToList();
            if (unknown.Count > 0)
            {
                throw GraderSetupException.InvalidOption("--task", $"there is no task {string.Join(", ", unknown)}; the tasks are {string.Join(", ", spec.Tasks.Select(t => t.Number))}.");
            }

            var options = new GradingOptions(
                selected,
                parse.GetValue(waiveExec),
                parse.GetValue(profile) == "installed" ? StyleProfile.Installed : StyleProfile.Pycodestyle25,
                parse.GetValue(python),
                parse.GetValue(clock) == "real" ? ClockMode.Real : ClockMode.Virtual,
                parse.GetValue(seed) ?? Random.Shared.Next(1, 1_000_000));
            var result = await chosen.GradeAsync(spec, submission, options, cancellationToken);
            await reporters.Find(parse.GetValue(format)!)!.WriteAsync(result, console.Out, cancellationToken);
            return result.AllPassed ? ExitCodes.AllPassed : ExitCodes.ChecksFailed;
        }));
        return command;
    }
}
