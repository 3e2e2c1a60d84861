using System.Diagnostics;
using System.Globalization;
using Grader.Core.Batch;

namespace Grader.Cli.Progress;

/// <summary>What a batch has done so far, shared by the progress displays and the closing summary.</summary>
internal sealed class BatchTally
{
    private readonly Stopwatch clock = new();
    private readonly Lock gate = new();

    public int Total { get; private set; }

    public int Done { get; private set; }

    public int Ungradable { get; private set; }

    public int Resumed { get; private set; }

    public TimeSpan Elapsed => clock.Elapsed;

    public void Start(int total)
    {
        Total = total;
        clock.Start();
    }

    /// <summary>Counts one finished submission; returns the tally's counts at that moment.</summary>
    public (int Done, int Ungradable, int Resumed) Add(BatchRecord record, bool resumed)
    {
        lock (gate)
        {
            Done++;
            Ungradable += record.Status == BatchStatus.Ungradable ? 1 : 0;
            Resumed += resumed ? 1 : 0;
            return (Done, Ungradable, Resumed);
        }
    }

    public string Summary(IReadOnlyCollection<BatchRecord> records, string outputFolder) => string.Create(CultureInfo.InvariantCulture,
        $"graded {records.Count(r => r.Status == BatchStatus.Graded)} of {records.Count} submissions in {Elapsed.TotalSeconds:0.#} s "
        + $"({records.Count(r => r.Status == BatchStatus.Ungradable)} ungradable, {records.Count(r => r.Late)} late); "
        + $"see {Path.Combine(outputFolder, BatchOutputs.GradebookFile)} and {Path.Combine(outputFolder, BatchOutputs.ReportFile)}");
}
