using System.Collections.Concurrent;
using System.Globalization;
using Grader.Core.Batch;
using Spectre.Console;

namespace Grader.Cli.Progress;

/// <summary>
/// Progress for a terminal: one live bar redrawn in place, with the count, the percentage, the time left and the
/// ungradable submissions so far. Notes wait until the bar is done, so they do not tear it.
/// </summary>
internal sealed class BarBatchProgress(ProgressTask bar, BatchTally tally) : IBatchProgress
{
    private readonly ConcurrentQueue<string> notes = new();

    /// <summary>Runs <paramref name="work"/> under a live progress bar drawn on <paramref name="terminal"/>, then prints the notes.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole terminal, BatchTally tally, Func<IBatchProgress, Task<T>> work)
    {
        BarBatchProgress? progress = null;
        try
        {
            return await terminal.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    progress = new BarBatchProgress(context.AddTask("grading", autoStart: false), tally);
                    return await work(progress);
                });
        }
        finally
        {
            foreach (var note in progress?.notes ?? [])
            {
                terminal.MarkupLineInterpolated($"grader: {note}");
            }
        }
    }

    public void Started(int total)
    {
        tally.Start(total);
        bar.MaxValue = Math.Max(1, total);
        bar.Description = Describe(0, 0);
        bar.StartTask();
        if (total == 0)
        {
            bar.Value = bar.MaxValue;
        }
    }

    public void Finished(BatchRecord record, bool resumed)
    {
        var (done, ungradable, _) = tally.Add(record, resumed);
        bar.Description = Describe(done, ungradable);
        bar.Increment(1);
    }

    public void Note(string message) => notes.Enqueue(message);

    private string Describe(int done, int ungradable) => ungradable == 0
        ? string.Create(CultureInfo.InvariantCulture, $"graded {done}/{tally.Total}")
        : string.Create(CultureInfo.InvariantCulture, $"graded {done}/{tally.Total} [red]{ungradable} ungradable[/]");
}
