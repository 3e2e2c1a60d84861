using System.Diagnostics;
using System.Text.Json;

namespace Grader.Cli.Tests;

/// <summary>
/// Ctrl-C on a real <c>grader batch</c> process: it stops with exit code 130, every result written so far is whole,
/// and <c>--resume</c> finishes the batch without grading those again.
/// </summary>
public sealed class BatchInterruptTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("grader-cli-interrupt-").FullName;

    [Fact]
    public async Task Ctrl_C_stops_cleanly_and_resume_finishes_the_batch()
    {
        const int Students = 8;
        var source = Path.Combine(work, "class");
        for (var student = 0; student < Students; student++)
        {
            BatchCommandTests.Copy(CliRunner.Path("reference-solution", "python"), Path.Combine(source, $"student-{student}"));
        }

        var output = Path.Combine(work, "out");
        var results = Path.Combine(output, "results");
        using var grader = Process.Start(GraderProcess("batch", source, "--out", output, "--jobs", "1", "--seed", "9"))!;
        var stderr = grader.StandardError.ReadToEndAsync();
        var waited = Stopwatch.StartNew();
        while (Finished(results) < 2 && !grader.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(50);
        }

        Assert.False(grader.HasExited, "the batch ended before it could be interrupted");
        using (var kill = Process.Start("kill", ["-INT", grader.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await grader.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(130, grader.ExitCode);
        Assert.Contains("--resume", await stderr, StringComparison.Ordinal);
        var kept = Finished(results);
        Assert.InRange(kept, 2, Students - 1);
        Assert.Empty(Directory.GetFiles(output, "*.tmp*", SearchOption.AllDirectories));
        foreach (var result in Directory.GetFiles(results, "*.json"))
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(result)); // whole, not torn
        }

        var (exitCode, stdout, progress) = await CliRunner.RunAsync("batch", source, "--out", output, "--jobs", "2", "--resume");

        Assert.Equal(0, exitCode);
        Assert.Contains($"graded {Students} of {Students}", stdout, StringComparison.Ordinal);
        Assert.Contains($"{kept} resumed", progress, StringComparison.Ordinal);
        Assert.Equal(Students + 1, (await File.ReadAllLinesAsync(Path.Combine(output, "grades.csv"))).Length);
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    // Results with their meta file: the pair is written last, so a student counts as finished only then.
    private static int Finished(string results) =>
        Directory.Exists(results) ? Directory.GetFiles(results, "*.meta.json").Length : 0;

    // A test run started in the background by a non-interactive shell (`.ci/run &`) ignores SIGINT, and a child
    // inherits that, as POSIX wants for background jobs: env gives the grader the default disposition back, so it
    // meets Ctrl-C as it would from a terminal.
    private static ProcessStartInfo GraderProcess(params string[] args)
    {
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "grader.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
