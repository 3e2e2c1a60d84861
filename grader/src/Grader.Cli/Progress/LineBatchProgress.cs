using System.Globalization;
using Grader.Core.Batch;

namespace Grader.Cli.Progress;

/// <summary>
/// Progress as lines on stderr: one per tenth of the batch (count, ungradable so far, elapsed and estimated time
/// left), so it reads the same in a CI log or a file as in a terminal.
/// </summary>
internal sealed class LineBatchProgress(TextWriter error, BatchTally tally) : IBatchProgress
{
    private readonly Lock gate = new();
    private int nextReport;

    public void Started(int total)
    {
        tally.Start(total);
        nextReport = Math.Max(1, total / 10);
        error.WriteLine($"grading {total} submissions...");
    }

    public void Finished(BatchRecord record, bool resumed)
    {
        var (done, ungradable, resumedSoFar) = tally.Add(record, resumed);
        lock (gate)
        {
            if (done < nextReport && done != tally.Total)
            {
                return;
            }

            nextReport = done + Math.Max(1, tally.Total / 10);
            var elapsed = tally.Elapsed.TotalSeconds;
            var left = elapsed / done * (tally.Total - done);
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{done}/{tally.Total}] {ungradable} ungradable, {resumedSoFar} resumed; {elapsed:0} s elapsed, about {left:0} s left"));
        }
    }

    public void Note(string message)
    {
        lock (gate)
        {
            error.WriteLine($"grader: {message}");
        }
    }
}
