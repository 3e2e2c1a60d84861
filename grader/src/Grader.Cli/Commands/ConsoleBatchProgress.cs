using System.Diagnostics;
using System.Globalization;
using Grader.Core.Batch;

namespace Grader.Cli.Commands;

/// <summary>
/// Progress on stderr: one line per tenth of the batch (count, failures so far, elapsed and estimated time left),
/// so it reads the same in a terminal, a CI log or a file.
/// </summary>
internal sealed class ConsoleBatchProgress(CliConsole console) : IBatchProgress
{
    private readonly Stopwatch clock = new();
    private readonly Lock gate = new();
    private int total;
    private int done;
    private int ungradable;
    private int resumed;
    private int nextReport;

    public void Started(int count)
    {
        total = count;
        nextReport = Math.Max(1, count / 10);
        clock.Start();
        console.Error.WriteLine($"grading {count} submissions...");
    }

    public void Finished(BatchRecord record, bool wasResumed)
    {
        lock (gate)
        {
            done++;
            ungradable += record.Status == BatchStatus.Ungradable ? 1 : 0;
            resumed += wasResumed ? 1 : 0;
            if (done >= nextReport || done == total)
            {
                nextReport = done + Math.Max(1, total / 10);
                var elapsed = clock.Elapsed.TotalSeconds;
                var left = done == 0 ? 0 : elapsed / done * (total - done);
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{done}/{total}] {ungradable} ungradable, {resumed} resumed; {elapsed:0} s elapsed, about {left:0} s left"));
            }
        }
    }

    public void Note(string message) => console.Error.WriteLine($"grader: {message}");

    public string Summary(IReadOnlyCollection<BatchRecord> records, string outputFolder) => string.Create(CultureInfo.InvariantCulture,
        $"graded {records.Count(r => r.Status == BatchStatus.Graded)} of {records.Count} submissions in {clock.Elapsed.TotalSeconds:0.#} s "
        + $"({records.Count(r => r.Status == BatchStatus.Ungradable)} ungradable, {records.Count(r => r.Late)} late); "
        + $"see {Path.Combine(outputFolder, BatchOutputs.GradebookFile)} and {Path.Combine(outputFolder, BatchOutputs.ReportFile)}");
}
