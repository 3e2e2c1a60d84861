using Grader.Core.Engine;

namespace Grader.Core.Batch;

/// <summary>How to run a batch.</summary>
/// <param name="OutputFolder">Receives results/, grades.csv and the reports.</param>
/// <param name="Jobs">How many submissions are graded at the same time.</param>
/// <param name="Resume">Skip students whose content hash already has a result in the output folder.</param>
public sealed record BatchOptions(string OutputFolder, int Jobs, bool Resume, GradingOptions Grading)
{
    public string ResultsFolder => Path.Combine(OutputFolder, "results");

    /// <summary>Signs every record written and checks every record read back; by default valid for this run only.</summary>
    public RecordSeal Seal { get; init; } = RecordSeal.ForThisRun();
}

/// <summary>Hears about a batch's progress (the CLI shows a progress bar; tests count).</summary>
public interface IBatchProgress
{
    void Started(int total);

    void Finished(BatchRecord record, bool resumed);

    /// <summary>Something the instructor should know about the batch as a whole.</summary>
    void Note(string message);
}
