using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Python.Behaviour;
using Grader.Core.Reporting;
using Grader.Core.Submissions;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Python.Behaviour;

/// <summary>
/// A submission's tasks share one probe process only where each completes as it would alone: the probe puts the
/// interpreter back between tasks, and stops sharing when it cannot; the grader runs what is left alone.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class TasksTogetherTests(GradingFixture fixture) : IDisposable
{
    private static readonly int[] AllTasks = [0, 1, 2, 3, 4];
    private readonly string folder = Directory.CreateTempSubdirectory("grader-together-test-").FullName;

    [Fact]
    public async Task The_reference_completes_every_task_in_one_process()
    {
        var runs = await RunTogetherAsync(RepositoryPaths.ReferenceSolution);

        Assert.Equal(AllTasks, runs.Select(run => run.Task));
        Assert.All(runs, run => Assert.True(run.Finished));
        Assert.All(runs, run => Assert.Contains("import", run.Observations.Keys));
    }

    [Fact]
    public async Task A_thread_left_running_ends_the_sharing_after_its_task()
    {
        var submission = Variant("0-basic_async_syntax.py", "import threading\nthreading.Thread(target=threading.Event().wait, args=(30,), daemon=True).start()\n");

        var runs = await RunTogetherAsync(submission);

        Assert.Equal([0], runs.Select(run => run.Task));
    }

    [Fact]
    public async Task A_process_that_exits_in_a_task_keeps_the_tasks_before_it()
    {
        var runs = await RunTogetherAsync(Path.Combine(RepositoryPaths.Gallery, "os-exit-in-wait-n"));

        Assert.Equal([0], runs.Select(run => run.Task));
    }

    // Each change would alter what tasks 3 and 4 see if it outlived task 2, the only task importing the module.
    [Theory]
    [InlineData("import asyncio\nasyncio.create_task = None\nasyncio.as_completed = None\n")]
    [InlineData("import builtins\nbuiltins.range = lambda *args: [0]\n")]
    [InlineData("import sys\nimport types\nfake = types.ModuleType('0-basic_async_syntax')\nfake.wait_random = None\nsys.modules['0-basic_async_syntax'] = fake\n")]
    [InlineData("import sys\nsys.setrecursionlimit(100)\n")]
    public async Task What_a_task_changes_in_the_interpreter_does_not_reach_the_next(string patch)
    {
        var submission = Variant("2-measure_runtime.py", patch);
        var options = GradingOptions.Default with { Seed = 7 };

        var runs = await RunTogetherAsync(submission);
        var together = JsonReporter.Serialize(await fixture.GradeAsync(submission, options));
        var alone = JsonReporter.Serialize(await fixture.GradeAsync(submission, options, tasksTogether: false));

        Assert.Equal(AllTasks, runs.Select(run => run.Task));
        Assert.Equal(alone, together);
    }

    /// <summary>The reference solution with <paramref name="addition"/> appended to one of its files.</summary>
    private string Variant(string file, string addition)
    {
        foreach (var source in Directory.GetFiles(RepositoryPaths.ReferenceSolution))
        {
            File.Copy(source, Path.Combine(folder, Path.GetFileName(source)));
        }

        File.AppendAllText(Path.Combine(folder, file), addition);
        return folder;
    }

    private async Task<IReadOnlyList<ProbeRun>> RunTogetherAsync(string submission)
    {
        using var scratch = ScratchSpace.Create();
        var script = Path.Combine(fixture.Assignment.Directory, ProbeEvidenceSource.ProbeScript);
        return await new ProbeRunner(fixture.Runner).RunTogetherAsync(
            fixture.Tools.Target!, script, SubmissionLoader.Load(submission), AllTasks, GradingOptions.Default, scratch, CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
