using Grader.Core.Processes;

namespace Grader.Core.Python.Warm;

/// <summary>
/// An <see cref="IProcessRunner"/> that runs the grader's Python scripts (<c>python [-flags] script.py ...</c>)
/// in children forked from a warm interpreter, one per interpreter start-up, instead of starting Python afresh:
/// a probe run then costs a fork instead of 0.1 s of start-up and imports. Every other request, and any request
/// a fork server cannot take, goes to the inner runner unchanged.
/// </summary>
public sealed class WarmPythonRunner(IProcessRunner inner) : IProcessRunner, IAsyncDisposable
{
    private const string ServerResource = "Grader.Core.forkserver.py";

    private readonly Lock gate = new();
    private readonly Dictionary<string, Task<ForkServer?>> servers = new(StringComparer.Ordinal);
    private string? workFolder;
    private bool disposed;

    public async Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        if (ScriptInvocation.TryParse(request) is not { } invocation
            || await ServerForAsync(invocation, request).ConfigureAwait(false) is not { } server)
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

    private Task<ForkServer?> ServerForAsync(ScriptInvocation invocation, ProcessRequest request)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (!servers.TryGetValue(invocation.ServerKey, out var server))
            {
                server = StartAsync(invocation, request, EnsureWorkFolder());
                servers[invocation.ServerKey] = server;
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
            if (servers.TryGetValue(key, out var current) && current.IsCompletedSuccessfully && current.Result == server)
            {
                servers.Remove(key);
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
            started = [.. servers.Values];
            servers.Clear();
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
