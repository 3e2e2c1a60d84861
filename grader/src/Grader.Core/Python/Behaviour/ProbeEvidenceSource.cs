using System.Collections.Immutable;
using Grader.Core.Evidence;

namespace Grader.Core.Python.Behaviour;

/// <summary>
/// Runs the assignment's probe (<c>probe/probe.py</c>) once per selected task whose file exists, a few at a
/// time, with the assignment's interpreter. One task crashing or hanging never stops the others.
/// </summary>
public sealed class ProbeEvidenceSource(ProbeRunner runner, int parallelism) : IEvidenceSource
{
    public const string ProbeScript = "probe/probe.py";

    public string Key => BehaviourEvidence.Key;

    public async Task<object> CollectAsync(EvidenceRequest request, CancellationToken cancellationToken)
    {
        var options = request.Options;
        if (request.Tools.Target is not { } python)
        {
            return new BehaviourEvidence(ImmutableSortedDictionary<int, ProbeRun>.Empty, options.Seed, options.Clock, "no Python interpreter was found to run the code");
        }

        var script = Path.Combine(request.Assignment.Directory, ProbeScript);
        var tasks = request.Assignment.Tasks
            .Where(task => options.Includes(task.Number) && request.Submission.Find(task.File) is not null)
            .Select(task => task.Number)
            .ToList();
        using var gate = new SemaphoreSlim(Math.Max(1, parallelism));
        var runs = await Task.WhenAll(tasks.Select(async task =>
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
        return new BehaviourEvidence(runs.ToImmutableSortedDictionary(run => run.Task, run => run), options.Seed, options.Clock, null);
    }
}
