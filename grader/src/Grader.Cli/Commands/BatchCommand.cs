using System.CommandLine;
using System.Globalization;
using Grader.Cli.Progress;
using Grader.Core.Batch;
using Grader.Core.Engine;

namespace Grader.Cli.Commands;

/// <summary><c>grader batch &lt;dir-or-zip&gt; --out &lt;dir&gt;</c>: grades a whole class.</summary>
internal static class BatchCommand
{
    public static Command Create(GraderApp app, CliConsole console)
    {
        var source = new Argument<string>("dir-or-zip") { Description = "A folder (or a zip) whose entries are the submissions: a folder, a .zip or a git repository per student; a zip of zips as LMSs export it works too." };
        var output = new Option<string>("--out", "-o") { Description = "Output folder: results/<student>.json as each one finishes, grades.csv and report.html at the end.", Required = true };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Submissions graded at the same time (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var resume = new Option<bool>("--resume") { Description = "Skip students whose submission, grader version and options are unchanged since their result in --out was written." };
        var deadline = new Option<string?>("--deadline") { Description = "For git repositories: grade the last commit at or before this moment (ISO 8601, e.g. 2026-11-30T23:59:00+01:00) and mark later work as late. Commit dates are set by the student's machine: lateness is evidence, not proof." };
        var seed = new Option<int?>("--seed") { Description = "Seed of the random values handed to student code (default: the one a resumed batch used, else a new one; it is written in grades.csv)." };
        var waiveExec = new Option<bool>("--waive-exec-bit") { Description = "Do not check the executable bit (zips from some LMSs lose file modes)." };
        var noSandbox = SandboxChoice.CreateOption();
        var command = new Command("batch", "Grade a whole class: one result per student, a gradebook (grades.csv) and an HTML class report.\n"
            + "Exit codes: 0 the batch completed, 2 it could not start, 130 interrupted (what was graded is kept; rerun with --resume).")
        {
            source, output, jobs, resume, deadline, seed, waiveExec, noSandbox,
        };
        command.SetAction((parse, cancellationToken) => console.GuardAsync(async () =>
        {
            var spec = app.LoadAssignment(null);
            var outputFolder = Path.GetFullPath(parse.GetValue(output)!);
            var jobCount = parse.GetValue(jobs);
            if (jobCount < 1)
            {
                throw GraderSetupException.InvalidOption("--jobs", "give a number of 1 or more.");
            }

            var deadlineText = parse.GetValue(deadline);
            DateTimeOffset? deadlineValue = deadlineText is null ? null
                : DateTimeOffset.TryParse(deadlineText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed
                : throw GraderSetupException.InvalidOption("--deadline", $"'{deadlineText}' is not a date and time; write it like 2026-11-30T23:59:00+01:00.");
            var settings = BatchSettings.Resolve(outputFolder, parse.GetValue(resume), parse.GetValue(seed));
            var sandbox = await SandboxChoice.ResolveAsync(app, console, parse.GetValue(noSandbox), "batch", cancellationToken);
            var timings = GradingTimings.FromEnvironment(app.Environment);
            var grading = GradingOptions.Default with { Seed = settings.Seed, WaiveExecutableBit = parse.GetValue(waiveExec), Sandbox = sandbox, SupervisionMeter = timings?.Meter };
            var options = new BatchOptions(outputFolder, jobCount, parse.GetValue(resume), grading) { Seal = await SealAsync(app, console) };
            var tools = await app.LocateToolsAsync(spec, grading, cancellationToken);
            await settings.SaveAsync(outputFolder, cancellationToken);
            // Python submissions are graded with the tools located once for the class; the other tracks' own way.
            var grader = new BatchGrader(
                (submission, grading, token) => app.GradeOtherTrack(submission, grading, token) ?? app.Python.GradeAsync(spec, submission, grading, tools, token),
                GraderApp.GraderVersion);
            var run = new BatchRun(app.Runner, spec, grader, app.SimilarityTracks(spec, tools), GraderApp.GraderVersion) { OtherTracksTaskFiles = app.OtherTracksTaskFiles() };
            var tally = new BatchTally();
            try
            {
                var records = await console.WithBatchProgressAsync(
                    tally, progress => run.RunAsync(parse.GetValue(source)!, options, deadlineValue, progress, cancellationToken));
                await console.Out.WriteLineAsync(tally.Summary(records, outputFolder));
                if (timings is not null)
                {
                    await timings.WriteAsync(console.Error);
                }

                return ExitCodes.AllPassed;
            }
            catch (OperationCanceledException)
            {
                await console.Error.WriteLineAsync($"grader: interrupted; every result already graded is in {outputFolder}. Run the same command with --resume to finish.");
                return ExitCodes.Interrupted;
            }
        }));
        return command;
    }

    // The user's key makes records verifiable by a later --resume; without a writable data folder they verify in this run only.
    private static async Task<RecordSeal> SealAsync(GraderApp app, CliConsole console)
    {
        var path = RecordSeal.DefaultKeyPath(app.Environment);
        try
        {
            return RecordSeal.FromKeyFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"grader: cannot keep the batch key at {path} ({exception.Message}); a later --resume will grade everything again.");
            return RecordSeal.ForThisRun();
        }
    }
}
