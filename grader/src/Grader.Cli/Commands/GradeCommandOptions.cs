using System.Collections.Immutable;
using System.CommandLine;
using Grader.Core.Engine;
using Grader.Python;
using Grader.Python.Tools;
using Grader.Core.Reporting;

namespace Grader.Cli.Commands;

/// <summary>The options 'check' and 'ci' share, and their validation into an immutable <see cref="GradeRequest"/>.</summary>
internal sealed class GradeCommandOptions
{
    private readonly Option<string> format;
    private readonly Option<string[]> reports;
    private readonly Option<bool> revealHidden;
    private readonly Option<string?> failUnder;
    private readonly Option<int[]> tasks = new("--task", "-t") { Description = "Grade only this task number (repeat for several: --task 0 --task 1). The project checks (README) always run." };
    private readonly Option<bool> waiveExec = new("--waive-exec-bit") { Description = "Do not check the executable bit (for uploads, such as zips from some LMSs, that lose file modes)." };
    private readonly Option<string?> python = new("--python") { Description = "The Python interpreter that compiles student code (default: Python 3.7 from PATH or pyenv, else python3)." };
    private readonly Option<string> profile;
    private readonly Option<string> clock;
    private readonly Option<int?> seed = new("--seed") { Description = "Seed of the random values handed to the student's code (printed in every report); give the same seed to reproduce a run." };
    private readonly Option<string?> assignment = new("--assignment") { Description = "Folder of the assignment rules (default: the track's folder shipped with the grader, checks/python-async or checks/csharp-async)." };
    private readonly Option<string?> track;
    private readonly Option<bool> noSandbox = SandboxChoice.CreateOption();

    public GradeCommandOptions(ReporterCatalog catalog, GraderApp app)
    {
        track = new Option<string?>("--track")
        {
            Description = "The language of the submission: " + string.Join(" or ", app.Tracks.Names) + " (default: detected from the folder's files; "
                + string.Join("; ", app.Tracks.Tracks.Select(t => $"{t.Name} = {t.Signature}")) + ").",
        };
        track.AcceptOnlyFromAmong([.. app.Tracks.Names]);
        format = new Option<string>("--format", "-f")
        {
            Description = "How to print the terminal report (stdout): " + string.Join("; ", catalog.Reporters.Select(r => $"{r.Format} = {r.Description}")) + ".",
            DefaultValueFactory = _ => "human",
        };
        format.AcceptOnlyFromAmong([.. catalog.Formats]);
        reports = new Option<string[]>("--report", "-r")
        {
            Description = $"Also write a report: FORMAT=PATH, repeatable; PATH '-' is stdout, and then the terminal report goes to stderr so that stdout holds only that report. "
                + $"Formats: {string.Join(", ", catalog.Formats)}. Student-facing formats ({Audience(catalog, ReportAudience.Student)}) hide the assignment's hidden checks "
                + $"(gradescope keeps them with visibility after_published); instructor formats ({Audience(catalog, ReportAudience.Instructor)}) show every check.",
            HelpName = "FORMAT=PATH",
            AllowMultipleArgumentsPerToken = false,
        };
        revealHidden = new Option<bool>("--reveal-hidden") { Description = "Show the checks the assignment marks hidden in student-facing formats too (their points always count in the score)." };
        failUnder = new Option<string?>("--fail-under")
        {
            Description = "Exit code by score instead of by every check passing: exit 1 when the score is below this, 0 otherwise. A share of the maximum (80%) or points (12.5).",
            HelpName = "SCORE",
        };
        profile = new Option<string>("--style-profile")
        {
            Description = "pycodestyle behaviour to apply: 2.5 = what pycodestyle 2.5 (the assignment's version) reports; installed = what the installed pycodestyle reports.",
            DefaultValueFactory = _ => "2.5",
        };
        profile.AcceptOnlyFromAmong("2.5", "installed");
        clock = new Option<string>("--clock")
        {
            Description = "How behaviour tests keep time: virtual = sleeps complete at once while the clocks advance as if real (fast, exact); real = real, scaled-down sleeps (a cross-check).",
            DefaultValueFactory = _ => "virtual",
        };
        clock.AcceptOnlyFromAmong("virtual", "real");
    }

    public const string ExitCodesHelp = "Exit codes: 0 every check passed (with --fail-under: the score reached it), 1 some check did not pass (with --fail-under: the score is below it), "
        + "2 the folder cannot be graded or an option is wrong (the reason is printed on stderr).";

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { format, reports, revealHidden, failUnder, tasks, waiveExec, python, profile, clock, seed, assignment, track, noSandbox })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Validates the options; every mistake is a <see cref="GraderSetupException"/> with one line to print. What
    /// depends on the submission (its track, hence its assignment and tasks) is settled when it is loaded.
    /// </summary>
    /// <param name="refusingCommand">The command's name when it must not run student code without a sandbox (ci); null for check.</param>
    public GradeRequest Bind(ParseResult parse, string folder, IEnumerable<string> defaultReports, string sourceRoot, string? refusingCommand = null)
    {
        var selected = (parse.GetValue(tasks) ?? []).ToImmutableSortedSet();
        var grading = new GradingOptions(
            selected,
            parse.GetValue(waiveExec),
            parse.GetValue(clock) == "real" ? ClockMode.Real : ClockMode.Virtual,
            parse.GetValue(seed) ?? Random.Shared.Next(1, 1_000_000))
            .WithTrackOption(new PythonOptions(
                parse.GetValue(python),
                parse.GetValue(profile) == "installed" ? StyleProfile.Installed : StyleProfile.Pycodestyle25));
        return new GradeRequest(
            parse.GetValue(track),
            parse.GetValue(assignment),
            folder,
            grading,
            parse.GetValue(format)!,
            [.. defaultReports, .. parse.GetValue(reports) ?? []],
            parse.GetValue(revealHidden),
            Reports.FailUnder.Parse(parse.GetValue(failUnder)),
            sourceRoot)
        {
            NoSandbox = parse.GetValue(noSandbox),
            RefusingCommand = refusingCommand,
        };
    }

    private static string Audience(ReporterCatalog catalog, ReportAudience audience) =>
        string.Join(", ", catalog.Reporters.Where(reporter => reporter.Audience == audience).Select(reporter => reporter.Format));
}
