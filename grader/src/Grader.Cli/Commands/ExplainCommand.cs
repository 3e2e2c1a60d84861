using System.CommandLine;
using Grader.Core.Reporting;

namespace Grader.Cli.Commands;

/// <summary><c>grader explain [ID]</c>: what a check verifies, why, and how to fix a failure.</summary>
internal static class ExplainCommand
{
    public static Command Create(GraderApp app, CliConsole console)
    {
        var id = new Argument<string?>("id") { Description = "A check id such as PY-DOC-003 (case does not matter). Without it, every check is listed.", Arity = ArgumentArity.ZeroOrOne };
        var writeDocs = new Option<string?>("--write-docs") { Description = "Write one Markdown page per check into this folder (how docs/checks is generated)." };
        var command = new Command("explain", "Explain a check: what it verifies, why it matters, how to fix it, with a bad and a good example.") { id, writeDocs };
        command.SetAction((parse, cancellationToken) => console.GuardAsync(async () =>
        {
            var catalog = app.Catalog();
            var spec = app.LoadAssignment(null);
            if (parse.GetValue(writeDocs) is { } folder)
            {
                var written = CheckDocs.Write(catalog, spec, folder);
                await console.Out.WriteLineAsync($"wrote {written} pages to {folder}");
                return ExitCodes.AllPassed;
            }

            if (parse.GetValue(id) is { } wanted)
            {
                var check = catalog.Require(wanted);
                await console.Out.WriteAsync(CheckDocs.Render(check.Descriptor, spec.PointsFor(check.Descriptor.Id)));
                return ExitCodes.AllPassed;
            }

            foreach (var check in catalog.Checks)
            {
                var descriptor = check.Descriptor;
                await console.Out.WriteLineAsync($"{descriptor.Id,-14} {descriptor.Category.ToString().ToLowerInvariant(),-12} {descriptor.Title}");
            }

            await console.Out.WriteLineAsync("\nRun 'grader explain <ID>' for the details of one check.");
            return ExitCodes.AllPassed;
        }));
        return command;
    }
}
