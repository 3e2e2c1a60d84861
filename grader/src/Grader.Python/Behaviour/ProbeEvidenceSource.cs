using System.Collections.Immutable;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Python.Evidence;
using Grader.Python.Tools;

namespace Grader.Python.Behaviour;

/// <summary>
/// Runs the assignment's probe (<c>probe/probe.py</c>) for every selected task whose file exists, with the
/// assignment's interpreter. On the virtual clock, with <paramref name="tasksTogether"/>, the tasks first run one
/// after the other in a single probe process (<see cref="ProbeRunner.RunTogetherAsync"/>); any task that did not
/// complete there, and every task otherwise, runs in a process of its own, a few at a time. One task crashing or
/// hanging never stops the others.
/// </summary>
public sealed class ProbeEvidenceSource(ProbeRunner runner, int parallelism, bool tasksTogether = true) : IPythonEvidenceSource
{
    public const string ProbeScript = "probe/probe.py";

    public string Key => BehaviourEvidence.Key;

    public void WarmUp() => runner.WarmUp();

    public async Task<object> CollectAsync(EvidenceRequest request, ToolEnvironment tools, CancellationToken cancellationToken)
    {
        var options = request.Options;
        if (tools.Target is not { } python)
        {
            return new BehaviourEvidence(ImmutableSortedDictionary<int, ProbeRun>.Empty, options.Seed, options.Clock, "no Python interpreter was found to run the code");
        }

        var script = Path.Combine(request.Assignment.Directory, ProbeScript);
        var tasks = request.Assignment.Tasks
            .Where(task => options.Includes(task.Number) && request.Submission.Find(task.File) is not null)
            .Select(task => task.Number)
            .ToList();
        if (options.Tasks.IsEmpty && tasks.Count > 0)
        {
            tasks.AddRange(Enumerable.Range(0, BehaviourEvidence.MainFiles).Select(BehaviourEvidence.MainTask));
        }

        var together = tasksTogether && options.Clock == ClockMode.Virtual && tasks.Count > 1
            ? await runner.RunTogetherAsync(python, script, request.Submission, tasks, options, request.Scratch, cancellationToken).ConfigureAwait(false)
            : [];
        tasks.RemoveAll(task => together.Any(run => run.Task == task));
        using var gate = new SemaphoreSlim(Math.Max(1, parallelism));
        var alone = await Task.WhenAll(tasks.Select(async task =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await runner.RunAsync(python, script, request.Submission, task, options, request.Scratch, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return new BehaviourEvidence(together.Concat(alone).ToImmutableSortedDictionary(run => run.Task, run => run), options.Seed, options.Clock, null);
    }
}
