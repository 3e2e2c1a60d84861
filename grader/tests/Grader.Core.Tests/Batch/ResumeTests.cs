using Grader.Core.Batch;
using Grader.Core.Engine;
using Grader.Core.Tests.Support;
using Grader.Python.Similarity;

namespace Grader.Core.Tests.Batch;

[Collection(GradingCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ResumeTests(GradingFixture fixture) : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("grader-resume-test-").FullName;

    [Fact]
    public async Task Killing_a_batch_halfway_and_resuming_gives_the_same_gradebook_as_one_uninterrupted_run()
    {
        var source = MakeClass();
        var whole = Options("whole", resume: false);
        await Run(source, whole, new CountingProgress(), CancellationToken.None);

        var interrupted = Options("interrupted", resume: false);
        using var stop = new CancellationTokenSource();
        var firstPass = new CountingProgress(afterFinished: 2, stop);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(source, interrupted, firstPass, stop.Token));
        var kept = Directory.GetFiles(interrupted.ResultsFolder, "*.meta.json").Length;
        Assert.InRange(kept, 2, 5);

        var secondPass = new CountingProgress();
        await Run(source, interrupted with { Resume = true }, secondPass, CancellationToken.None);

        Assert.Equal(kept, secondPass.Resumed);
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(whole.OutputFolder, BatchOutputs.GradebookFile)),
            await File.ReadAllTextAsync(Path.Combine(interrupted.OutputFolder, BatchOutputs.GradebookFile)));
    }

    [Fact]
    public async Task A_record_forged_on_disk_is_graded_again_on_resume_and_never_reaches_the_gradebook()
    {
        var source = MakeClass();
        var options = Options("forged", resume: false);
        await Run(source, options, new CountingProgress(), CancellationToken.None);
        var honest = await File.ReadAllTextAsync(Path.Combine(options.OutputFolder, BatchOutputs.GradebookFile));
        // What a student's process could do: claim full marks in its own record and result.
        var record = BatchGrader.RecordPath(options, "student-0");
        var claimed = System.Text.RegularExpressions.Regex.Replace(await File.ReadAllTextAsync(record), "\"score\": [0-9.]+", "\"score\": 164");
        await File.WriteAllTextAsync(record, claimed);

        var gradebook = BatchOutputs.ReadRecords(options, ["student-0"]);
        var resumed = new CountingProgress();
        await Run(source, options with { Resume = true }, resumed, CancellationToken.None);

        Assert.Equal(BatchStatus.Ungradable, Assert.Single(gradebook).Status);
        Assert.Contains("changed after the grader wrote it", gradebook[0].Reason, StringComparison.Ordinal);
        Assert.Equal(5, resumed.Resumed);
        Assert.Contains(resumed.Notes, note => note.StartsWith("student-0: the saved result does not carry this grader's seal", StringComparison.Ordinal));
        Assert.Equal(honest, await File.ReadAllTextAsync(Path.Combine(options.OutputFolder, BatchOutputs.GradebookFile)));
    }

    [Fact]
    public async Task A_hostile_or_broken_entry_becomes_an_ungradable_row_and_the_batch_goes_on()
    {
        var source = MakeClass();
        await File.WriteAllTextAsync(Path.Combine(source, "mallory.zip"), "this is not a zip archive");
        var options = Options("broken", resume: false);

        var records = await Run(source, options, new CountingProgress(), CancellationToken.None);

        var mallory = Assert.Single(records, record => record.StudentId == "mallory");
        Assert.Equal(BatchStatus.Ungradable, mallory.Status);
        Assert.Contains("not a valid zip", mallory.Reason, StringComparison.Ordinal);
        Assert.Equal(6, records.Count(record => record.Status == BatchStatus.Graded));
        var report = await File.ReadAllTextAsync(Path.Combine(options.OutputFolder, BatchOutputs.ReportFile));
        Assert.Contains("id=\"distribution\"", report, StringComparison.Ordinal);
        Assert.Contains("id=\"similarity\"", report, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    private Task<System.Collections.Immutable.ImmutableArray<BatchRecord>> Run(string source, BatchOptions options, IBatchProgress progress, CancellationToken token)
    {
        var engine = new GradingEngine(fixture.Catalog, fixture.Collector(fixture.Runner, fixture.Tools, parallelism: 2), "test");
        var grader = new BatchGrader((submission, grading, cancel) => engine.GradeAsync(fixture.Assignment, submission, grading, cancel), "test");
        return new BatchRun(fixture.Runner, fixture.Assignment, grader, [PythonSimilarityTrack.Create(fixture.Runner, fixture.Assignment, fixture.Tools.Analysis, RepositoryPaths.StudentTemplate)], "test")
            .RunAsync(source, options, null, progress, token);
    }

    private BatchOptions Options(string name, bool resume) =>
        new(Path.Combine(work, name), 1, resume, GradingOptions.Default with { Seed = 77 });

    // Six students: two correct, four with one fault each (static and behavioural).
    private string MakeClass()
    {
        var source = Path.Combine(work, "class-" + Guid.NewGuid().ToString("N")[..8]);
        string[] cases = ["gather-then-sort", "missing-readme", "randint", "wrong-default"];
        Copy(RepositoryPaths.ReferenceSolution, Path.Combine(source, "alice"));
        Copy(RepositoryPaths.ReferenceSolution, Path.Combine(source, "bob"));
        foreach (var (name, index) in cases.Select((name, index) => (name, index)))
        {
            Copy(Path.Combine(RepositoryPaths.Gallery, name), Path.Combine(source, $"student-{index}"));
        }

        return source;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
    }

    private sealed class CountingProgress(int afterFinished = int.MaxValue, CancellationTokenSource? stop = null) : IBatchProgress
    {
        private int finished;

        public int Resumed { get; private set; }

        public System.Collections.Concurrent.ConcurrentQueue<string> Notes { get; } = new();

        public void Started(int total)
        {
        }

        public void Finished(BatchRecord record, bool resumed)
        {
            Resumed += resumed ? 1 : 0;
            if (Interlocked.Increment(ref finished) >= afterFinished)
            {
                stop?.Cancel();
            }
        }

        public void Note(string message) => Notes.Enqueue(message);
    }
}
