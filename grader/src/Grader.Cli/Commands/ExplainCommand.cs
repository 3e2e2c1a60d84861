using System.CommandLine;
using Grader.Core.Reporting;

namespace Grader.Cli.Commands;

/// <summary><c>grader explain [ID]</c>: what a check verifies, why, and how to fix a failure.</summary>
internal static class ExplainCommand
{
    public static Command Create(GraderApp app, CliConsole console)
    {
        var id = new Argument<string?>("id") { Description = "A check id such as PY-DOC-003 or CS-BEH-012 (case does not matter). Without it, every check is listed.", Arity = ArgumentArity.ZeroOrOne };
        var writeDocs = new Option<string?>("--write-docs") { Description = "Write one Markdown page per check into this folder (how docs/checks is generated)." };
        var command = new Command("explain", "Explain a check: what it verifies, why it matters, how to fix it, with a bad and a good example.") { id, writeDocs };
        command.SetAction((parse, cancellationToken) => console.GuardAsync(async () =>
        {
            // Every track's checks, each with the points of its own assignment.
            var tracks = app.Tracks.Tracks.Select(track => (Catalog: track.Catalog(), Spec: app.LoadAssignment(null, track))).ToList();
            if (parse.GetValue(writeDocs) is { } folder)
            {
                var written = tracks.Sum(track => CheckDocs.Write(track.Catalog, track.Spec, folder));
                await console.Out.WriteLineAsync($"wrote {written} pages to {folder}");
                return ExitCodes.AllPassed;
            }

            if (parse.GetValue(id) is { } wanted)
            {
                var (check, spec) = tracks.Select(track => (Check: track.Catalog.Find(wanted), track.Spec)).FirstOrDefault(found => found.Check is not null);
                check ??= tracks[0].Catalog.Require(wanted);
                await console.Out.WriteAsync(CheckDocs.Render(check.Descriptor, spec!.PointsFor(check.Descriptor.Id), spec.Track));
                return ExitCodes.AllPassed;
            }

            foreach (var check in tracks.SelectMany(track => track.Catalog.Checks))
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
