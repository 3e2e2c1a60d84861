using Grader.Core.Processes;

namespace Grader.Python.Warm;

/// <summary>
/// An <see cref="IProcessRunner"/> that runs the grader's Python scripts (<c>python [-flags] script.py ...</c>)
/// on warm interpreters instead of starting Python afresh. A script that may run student code runs in a child
/// forked from a server (one per interpreter start-up): a probe run then costs a fork instead of 0.1 s of start-up
/// and imports. A script that never runs student code (<see cref="ProcessRequest.RunsNoSubmissionCode"/>) runs
/// inside an idle inline server, which costs neither. Every other request, and any request a server cannot
/// take, goes to the inner runner unchanged.
/// </summary>
public sealed class WarmPythonRunner(IProcessRunner inner) : IProcessRunner, IAsyncDisposable
{
    private const string ServerResource = "Grader.Python.forkserver.py";

    private readonly Lock gate = new();
    private readonly Dictionary<string, Task<ForkServer?>> forkServers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stack<ForkServer>> idleInlineServers = new(StringComparer.Ordinal);
    private readonly HashSet<ForkServer> busyInlineServers = [];
    private readonly HashSet<string> coldKeys = new(StringComparer.Ordinal);
    private string? workFolder;
    private bool disposed;

    public async Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        if (ScriptInvocation.TryParse(request) is not { } invocation)
        {
            return await inner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return invocation.Inline
            ? await RunInlineAsync(invocation, request, cancellationToken).ConfigureAwait(false)
            : await RunForkedAsync(invocation, request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProcessOutcome> RunForkedAsync(ScriptInvocation invocation, ProcessRequest request, CancellationToken cancellationToken)
    {
        if (await ForkServerForAsync(invocation, request).ConfigureAwait(false) is not { } server)
        {
            return await inner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await server.RunAsync(invocation, request, cancellationToken).ConfigureAwait(false);
        }
        catch (ForkServerGoneException)
        {
            // A student's code may kill its parent, the server: the next request gets a new one, and this one
            // runs as a fresh process, as if there were no server at all.
            await ForgetAsync(invocation.ServerKey, server).ConfigureAwait(false);
            return await inner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    // An inline server runs one request at a time, so each concurrent request rents its own; the pool grows to
    // the largest number of requests that ever ran at once (in a batch, about --jobs) and no further.
    private async Task<ProcessOutcome> RunInlineAsync(ScriptInvocation invocation, ProcessRequest request, CancellationToken cancellationToken)
    {
        if (await RentInlineServerAsync(invocation, request).ConfigureAwait(false) is not { } server)
        {
            return await inner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await server.RunAsync(invocation, request, cancellationToken).ConfigureAwait(false);
        }
        catch (ForkServerGoneException)
        {
            // Parsing hostile input crashed the interpreter: this request runs as a fresh process, which says
            // how it fails, and the next request gets a new server.
            return await inner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ReturnInlineServerAsync(invocation.ServerKey, server).ConfigureAwait(false);
        }
    }

    private async Task<ForkServer?> RentInlineServerAsync(ScriptInvocation invocation, ProcessRequest request)
    {
        string folder;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (coldKeys.Contains(invocation.ServerKey))
            {
                return null;
            }

            if (idleInlineServers.TryGetValue(invocation.ServerKey, out var idle) && idle.TryPop(out var server))
            {
                busyInlineServers.Add(server);
                return server;
            }

            folder = EnsureWorkFolder();
        }

        var started = await StartAsync(invocation, request, folder).ConfigureAwait(false);
        bool keep;
        lock (gate)
        {
            if (started is null)
            {
                coldKeys.Add(invocation.ServerKey);
                return null;
            }

            keep = !disposed;
            if (keep)
            {
                busyInlineServers.Add(started);
            }
        }

        if (!keep)
        {
            await started.DisposeAsync().ConfigureAwait(false);
            throw new ObjectDisposedException(nameof(WarmPythonRunner));
        }

        return started;
    }

    private async Task ReturnInlineServerAsync(string key, ForkServer server)
    {
        lock (gate)
        {
            busyInlineServers.Remove(server);
            if (!disposed && !server.IsGone)
            {
                if (!idleInlineServers.TryGetValue(key, out var idle))
                {
                    idleInlineServers[key] = idle = new Stack<ForkServer>();
                }

                idle.Push(server);
                return;
            }
        }

        await server.DisposeAsync().ConfigureAwait(false);
    }

    private Task<ForkServer?> ForkServerForAsync(ScriptInvocation invocation, ProcessRequest request)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (!forkServers.TryGetValue(invocation.ServerKey, out var server))
            {
                server = StartAsync(invocation, request, EnsureWorkFolder());
                forkServers[invocation.ServerKey] = server;
            }

            return server;
        }
    }

    private static async Task<ForkServer?> StartAsync(ScriptInvocation invocation, ProcessRequest request, string folder)
    {
        try
        {
            return await ForkServer.StartAsync(invocation, request, Path.Combine(folder, "forkserver.py"), folder).ConfigureAwait(false);
        }
        catch (ForkServerGoneException)
        {
            return null; // Fresh processes for this interpreter from now on.
        }
    }

    private async Task ForgetAsync(string key, ForkServer server)
    {
        lock (gate)
        {
            if (forkServers.TryGetValue(key, out var current) && current.IsCompletedSuccessfully && current.Result == server)
            {
                forkServers.Remove(key);
            }
        }

        await server.DisposeAsync().ConfigureAwait(false);
    }

    private string EnsureWorkFolder()
    {
        if (workFolder is null)
        {
            var folder = Directory.CreateTempSubdirectory("grader-warm-").FullName;
            using var script = typeof(WarmPythonRunner).Assembly.GetManifestResourceStream(ServerResource)
                ?? throw new InvalidOperationException($"the resource {ServerResource} is missing from the build");
            using var file = File.Create(Path.Combine(folder, "forkserver.py"));
            script.CopyTo(file);
            workFolder = folder;
        }

        return workFolder;
    }

    public async ValueTask DisposeAsync()
    {
        List<Task<ForkServer?>> started;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            started = [.. forkServers.Values, .. idleInlineServers.Values.SelectMany(idle => idle).Concat(busyInlineServers).Select(Task.FromResult<ForkServer?>)];
            forkServers.Clear();
            idleInlineServers.Clear();
            busyInlineServers.Clear();
        }

        foreach (var server in started)
        {
            if (await server.ConfigureAwait(false) is { } running)
            {
                await running.DisposeAsync().ConfigureAwait(false);
            }
        }

        try
        {
            if (workFolder is not null)
            {
                Directory.Delete(workFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A child the server left behind still holds a file there; the OS temp cleaner will take it.
        }
    }
}
