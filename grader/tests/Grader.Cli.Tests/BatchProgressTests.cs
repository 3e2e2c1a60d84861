using Grader.Cli.Progress;
using Grader.Core.Batch;
using Spectre.Console.Testing;

namespace Grader.Cli.Tests;

public sealed class BatchProgressTests
{
    [Fact]
    public async Task The_bar_shows_the_count_the_ungradable_so_far_and_the_notes_after_it()
    {
        var terminal = new TestConsole().Interactive();
        terminal.Profile.Width = 100;

        var answer = await BarBatchProgress.RunAsync(terminal, new BatchTally(), progress =>
        {
            progress.Started(3);
            progress.Finished(Record("alice", BatchStatus.Graded), resumed: false);
            progress.Note("similarity was not computed: reasons");
            progress.Finished(Record("bob", BatchStatus.Ungradable), resumed: false);
            progress.Finished(Record("carol", BatchStatus.Graded), resumed: true);
            return Task.FromResult(42);
        });

        Assert.Equal(42, answer);
        var output = terminal.Output;
        Assert.Contains("graded 3/3 1 ungradable", output, StringComparison.Ordinal);
        Assert.Contains("100%", output, StringComparison.Ordinal);
        Assert.True(
            output.LastIndexOf("100%", StringComparison.Ordinal) < output.IndexOf("grader: similarity was not computed", StringComparison.Ordinal),
            "the note must come after the bar, not through it");
    }

    [Fact]
    public void The_lines_report_every_tenth_with_the_ungradable_so_far()
    {
        using var error = new StringWriter();
        var progress = new LineBatchProgress(error, new BatchTally());

        progress.Started(20);
        for (var student = 0; student < 20; student++)
        {
            progress.Finished(Record($"s{student}", student == 3 ? BatchStatus.Ungradable : BatchStatus.Graded), resumed: false);
        }

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("grading 20 submissions...", lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("[2/20] 0 ungradable", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("[20/20] 1 ungradable", lines[^1], StringComparison.Ordinal);
    }

    private static BatchRecord Record(string id, BatchStatus status) =>
        new(id, "hash", status, status == BatchStatus.Ungradable ? "broken zip" : null, false, [], 1, 2, System.Collections.Immutable.ImmutableSortedDictionary<string, double>.Empty, "test", 1);
}
