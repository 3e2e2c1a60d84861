using System.Diagnostics;
using Grader.Cli.Reports;
using Grader.Core.Engine;
using Grader.Core.Reporting;
using Grader.Core.Submissions;

namespace Grader.Cli.Commands;

/// <summary>
/// Grades one folder and writes the terminal report and every --report from the one result; maps the outcome to
/// an exit code. When grading cannot start, the platforms' formats still get a document that says why.
/// </summary>
internal static class GradeRun
{
    public static async Task<int> RunAsync(GraderApp app, CliConsole console, GradeRequest request, CancellationToken cancellationToken)
    {
        var formats = ReporterCatalog.Create(ReportOptions.Default);
        var reports = ReportRequest.ParseAll(request.Reports, formats);
        var stopwatch = Stopwatch.StartNew();
        var timings = GradingTimings.FromEnvironment(app.Environment);
        Core.Results.GradingResult result;
        var choice = ProjectFolderChoice.For(app, request.Folder, request.AssignmentDirectory);
        foreach (var line in choice.Lines)
        {
            await console.Error.WriteLineAsync(line);
        }

        // The sandbox's trial run starts now, on a thread of its own: it takes a tenth of a second or so, while the
        // folder is read and the track locates its tools.
        var sandboxTask = Task.Run(() => SandboxChoice.ResolveAsync(app, console, request.NoSandbox, request.RefusingCommand, cancellationToken), cancellationToken);
        try
        {
            var submission = SubmissionLoader.Load(choice.Folder);
            var track = app.Tracks.Select(request.Track, submission);
            var assignment = app.LoadAssignment(request.AssignmentDirectory, track);
            var unknown = request.Grading.Tasks.Where(number => assignment.Tasks.All(task => task.Number != number)).ToList();
            if (unknown.Count > 0)
            {
                throw GraderSetupException.InvalidOption("--task", $"there is no task {string.Join(", ", unknown)}; the tasks are {string.Join(", ", assignment.Tasks.Select(t => t.Number))}.");
            }

            track.Prepare(assignment, request.Grading, cancellationToken);
            var sandbox = await sandboxTask;
            result = await track.GradeAsync(assignment, submission, request.Grading with { Sandbox = sandbox, SupervisionMeter = timings?.Meter }, cancellationToken);
        }
        catch (GraderSetupException exception)
        {
            await SettleAsync(sandboxTask);
            await new ReportWriter(formats, console, app.Environment).WriteUngradableAsync(exception.Message, reports, cancellationToken);
            throw;
        }

        var options = new ReportOptions(console.ColorEnabled, request.RevealHidden)
        {
            SourceRoot = RepositoryPath(request.SourceRoot, choice.RelativePath),
            ElapsedSeconds = stopwatch.Elapsed.TotalSeconds,
        };
        var catalog = ReporterCatalog.Create(options);
        // A report on stdout must be the only thing there, so that it can be piped: the terminal report moves to stderr.
        var terminal = reports.Any(report => report.ToStandardOutput) ? console.Error : console.Out;
        await catalog.Find(request.TerminalFormat)!.WriteAsync(result, terminal, cancellationToken);
        await new ReportWriter(catalog, console, app.Environment).WriteAsync(result, reports, cancellationToken);
        if (timings is not null)
        {
            await timings.WriteAsync(console.Error);
        }

        var passed = request.FailUnder is { } threshold ? threshold.IsMet(result) : result.AllPassed;
        return passed ? ExitCodes.AllPassed : ExitCodes.ChecksFailed;
    }

    // A folder that cannot be graded is the error to report, whatever became of the sandbox meanwhile.
    private static async Task SettleAsync(Task sandboxTask)
    {
        try
        {
            await sandboxTask;
        }
        catch (GraderSetupException)
        {
        }
    }

    // Paths in annotations are relative to the repository: the folder given, then the project folder inside it.
    private static string RepositoryPath(string sourceRoot, string relative) =>
        relative.Length == 0 ? sourceRoot : sourceRoot is "" or "." ? relative : $"{sourceRoot.TrimEnd('/')}/{relative}";
}
