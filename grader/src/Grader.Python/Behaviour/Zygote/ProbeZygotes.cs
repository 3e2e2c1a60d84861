using System.Collections.Immutable;
using Grader.Core.Sandbox;

namespace Grader.Python.Behaviour.Zygote;

/// <summary>
/// The warm probes of one grader process, by sandbox, interpreter and probe. Each serves one run at a time; a run that
/// finds none idle starts another, up to <see cref="MaxZygotes"/>, and past that starts afresh as before. Where the
/// sandbox has no namespaces, or a zygote will not start, every run starts afresh.
/// </summary>
public sealed class ProbeZygotes : IAsyncDisposable
{
    /// <summary>Enough for two batch jobs, each running two tasks alone at once.</summary>
    public const int MaxZygotes = 4;

    private readonly Lock gate = new();
    private readonly Dictionary<Key, Stack<ProbeZygote>> idle = [];
    private readonly HashSet<Key> failed = [];
    private readonly HashSet<ProbeZygote> all = [];
    private int starting;
    private bool disposed;

    internal async Task<ProbeZygote?> RentAsync(ChildSandbox sandbox, string python, string probeScript, ImmutableArray<string> readOnly, long privateBytes, long outputBytes)
    {
        var key = new Key(sandbox, python, probeScript);
        lock (gate)
        {
            if (disposed || failed.Contains(key))
            {
                return null;
            }

            if (idle.TryGetValue(key, out var waiting) && waiting.Count > 0)
            {
                return waiting.Pop();
            }

            if (all.Count + starting >= MaxZygotes)
            {
                return null;
            }

            starting++;
        }

        var zygote = await ProbeZygote.StartAsync(sandbox, python, probeScript, readOnly, privateBytes, outputBytes).ConfigureAwait(false);
        var keep = false;
        lock (gate)
        {
            starting--;
            if (zygote is null)
            {
                failed.Add(key);
            }
            else if (!disposed)
            {
                all.Add(zygote);
                keep = true;
            }
        }

        if (zygote is not null && !keep)
        {
            await zygote.DisposeAsync().ConfigureAwait(false);
            return null;
        }

        return zygote;
    }

    internal async Task ReturnAsync(ChildSandbox sandbox, string python, string probeScript, ProbeZygote zygote)
    {
        lock (gate)
        {
            if (!disposed && !zygote.IsGone && !zygote.IsWornOut)
            {
                var key = new Key(sandbox, python, probeScript);
                if (!idle.TryGetValue(key, out var waiting))
                {
                    idle[key] = waiting = new Stack<ProbeZygote>();
                }

                waiting.Push(zygote);
                return;
            }

            all.Remove(zygote);
        }

        await zygote.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        List<ProbeZygote> zygotes;
        lock (gate)
        {
            disposed = true;
            zygotes = [.. all];
            all.Clear();
            idle.Clear();
        }

        await Task.WhenAll(zygotes.Select(zygote => zygote.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    private sealed record Key(ChildSandbox Sandbox, string Python, string Script);
}
