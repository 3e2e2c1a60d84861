using Grader.Core.Results;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Grader.Core.Reporting;

/// <summary>
/// The report a student reads in a terminal: a table per task with a mark per check, then every problem with
/// its file:line and message, then the scores. Colour only when asked for; every student-supplied string is escaped.
/// </summary>
public sealed class HumanReporter(ReportOptions options) : IReporter
{
    private const int MaxFindingsShown = 12;

    public string Format => "human";

    public string Description => "a readable report with a table per task and every problem explained (the default)";

    public ReportAudience Audience => ReportAudience.Student;

    public Task WriteAsync(GradingResult result, TextWriter destination, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = options.Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = options.Color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(destination),
            // Spectre's enrichers would switch ANSI on by themselves in CI (GITHUB_ACTIONS, ...): colour is ours to decide.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = 110;
        Render(result, console);
        return Task.CompletedTask;
    }

    private void Render(GradingResult result, IAnsiConsole console)
    {
        console.MarkupLine($"[bold]Grading[/] {Markup.Escape(result.Submission)} [grey]({Markup.Escape(result.Track)} track, grader {Markup.Escape(result.GraderVersion)})[/]");
        foreach (var (tool, version) in result.Tools)
        {
            console.MarkupLine($"[grey]{Markup.Escape(tool)}: {Markup.Escape(version)}[/]");
        }

        if (!result.Settings.IsEmpty)
        {
            console.MarkupLine($"[grey]settings: {Markup.Escape(string.Join(", ", result.Settings.Select(setting => $"{setting.Key} {setting.Value}")))}[/]");
        }

        console.WriteLine();
        if (!result.Project.IsEmpty)
        {
            WriteTable(console, "Project", StudentView.Shown(result.Project, options), Sum(result.Project));
        }

        foreach (var task in result.Tasks)
        {
            WriteTable(console, $"Task {task.Task}: {task.File}", StudentView.Shown(task.Checks, options), (task.Score, task.MaxScore));
        }

        WriteProblems(StudentView.Shown(result.AllChecks(), options), console);
        console.WriteLine();
        if (StudentView.OmittedNote(result, options) is { } note)
        {
            console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
        }

        console.MarkupLine($"[bold]Score: {Points(result.Score)}/{Points(result.MaxScore)}[/] ({Percent(result.Score, result.MaxScore)})"
            + (result.AllPassed ? " [green]every check passed[/]" : string.Empty));
    }

    private static void WriteTable(IAnsiConsole console, string title, IEnumerable<CheckResult> checks, (double Score, double Max) total)
    {
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]  {Points(total.Score)}/{Points(total.Max)}");
        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumn("Result")
            .AddColumn("Check")
            .AddColumn("Rule")
            .AddColumn(new TableColumn("Points").RightAligned());
        foreach (var check in checks)
        {
            table.AddRow(
                Mark(check.Status),
                new Text(check.Id),
                new Text(check.Title),
                new Text($"{Points(check.Points)}/{Points(check.MaxPoints)}"));
        }

        console.Write(table);
    }

    private static void WriteProblems(IEnumerable<CheckResult> checks, IAnsiConsole console)
    {
        var problems = checks.Where(ReportText.IsProblem).ToList();
        if (problems.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine("[bold]What to fix[/]");
        foreach (var check in problems)
        {
            console.MarkupLine($"{MarkupFor(check.Status)} [bold]{check.Id}[/] {Markup.Escape(check.Title)}");
            console.MarkupLine("    " + Markup.Escape(check.Message));
            var findings = check.Details?.Findings ?? [];
            if (findings.Length > 1)
            {
                foreach (var finding in findings.Take(MaxFindingsShown))
                {
                    console.MarkupLine("      - " + Markup.Escape(ReportText.Describe(finding)));
                }

                if (findings.Length > MaxFindingsShown)
                {
                    console.MarkupLine($"      ... and {findings.Length - MaxFindingsShown} more (see --format json)");
                }
            }
        }
    }

    private static IRenderable Mark(CheckStatus status) => new Markup(MarkupFor(status));

    private static string MarkupFor(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "[green]✔ pass[/]",
        CheckStatus.Failed => "[red]✘ FAIL[/]",
        CheckStatus.Error => "[yellow]! error[/]",
        CheckStatus.Timeout => "[yellow]⏱ timeout[/]",
        _ => "[grey]- skipped[/]",
    };

    private static (double Score, double Max) Sum(IEnumerable<CheckResult> checks) =>
        (checks.Sum(check => check.Points), checks.Sum(check => check.MaxPoints));

    private static string Points(double value) => ReportText.Points(value);

    private static string Percent(double score, double max) => ReportText.Percent(score, max);
}
