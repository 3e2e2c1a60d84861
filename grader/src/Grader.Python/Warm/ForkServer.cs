using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Grader.Core.Processes;

namespace Grader.Python.Warm;

/// <summary>
/// One warm interpreter (<c>forkserver.py</c>) and the requests it is running. Each request becomes a child
/// forked from the server, in its own session; the server relays the child's capped output and exit code.
/// An inline server (<see cref="Inline"/>) instead runs one request at a time itself, for scripts that never run
/// student code. Timeouts and cancellation are enforced here, as <see cref="ProcessRunner"/> does for a fresh
/// process: by killing the child, or the whole server when it runs the request inline.
/// </summary>
internal sealed class ForkServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(10);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Process process;
    private readonly string inputFolder;
    private readonly ConcurrentDictionary<long, PendingRun> pending = new();
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly StringBuilder serverErrors = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long lastId;
    private int disposed;
    private volatile string? goneReason;

    private ForkServer(Process process, string inputFolder, bool inline)
    {
        this.process = process;
        this.inputFolder = inputFolder;
        Inline = inline;
    }

    /// <summary>Runs requests itself, one at a time, instead of forking a child for each.</summary>
    public bool Inline { get; }

    /// <summary>The server exited or was shut down: it takes no more requests.</summary>
    public bool IsGone => goneReason is not null;

    /// <summary>Starts the interpreter of <paramref name="invocation"/> on the server script; throws <see cref="ForkServerGoneException"/> when it cannot.</summary>
    public static async Task<ForkServer> StartAsync(ScriptInvocation invocation, ProcessRequest template, string serverScript, string workFolder)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = invocation.Interpreter,
            WorkingDirectory = workFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            UseShellExecute = false,
        };
        foreach (var argument in invocation.Flags.Append(serverScript))
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (invocation.Inline)
        {
            startInfo.ArgumentList.Add("--inline");
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in template.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new ForkServerGoneException($"{invocation.Interpreter}: {exception.Message}");
        }

        var inputFolder = Directory.CreateDirectory(Path.Combine(workFolder, $"input-{process.Id}")).FullName;
        var server = new ForkServer(process, inputFolder, invocation.Inline);
        _ = server.ReadEventsAsync();
        _ = server.ReadErrorsAsync();
        try
        {
            await server.ready.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or ForkServerGoneException)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw new ForkServerGoneException($"the warm interpreter did not start: {server.goneReason ?? exception.Message}");
        }

        return server;
    }

    public async Task<ProcessOutcome> RunAsync(ScriptInvocation invocation, ProcessRequest request, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref lastId);
        var run = new PendingRun();
        pending[id] = run;
        string? inputPath = null;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            if (request.StandardInput is not null)
            {
                inputPath = Path.Combine(inputFolder, $"{id}.in");
                await File.WriteAllTextAsync(inputPath, request.StandardInput, Utf8, cancellationToken).ConfigureAwait(false);
            }

            ThrowIfGone();
            await SendAsync(writer => WriteRequest(writer, id, invocation, request, inputPath)).ConfigureAwait(false);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(request.Timeout);
            ChildExit exit;
            var timedOut = false;
            try
            {
                exit = await run.Exited.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                timedOut = !cancellationToken.IsCancellationRequested;
                exit = Inline ? KillServer() : await KillAsync(id, run).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessOutcome(timedOut ? null : exit.ExitCode, timedOut, exit.Output, exit.Error, stopwatch.Elapsed);
        }
        finally
        {
            pending.TryRemove(id, out _);
            if (inputPath is not null)
            {
                File.Delete(inputPath);
            }
        }
    }

    private async Task<ChildExit> KillAsync(long id, PendingRun run)
    {
        try
        {
            await SendAsync(writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("kill", id);
                writer.WriteEndObject();
            }).ConfigureAwait(false);
            return await run.Exited.Task.WaitAsync(KillGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw Gone("the warm interpreter did not confirm a kill");
        }
    }

    // An inline server is busy running the request it should stop: only killing it stops the request. Nothing
    // else runs in it, and the next request starts a new one.
    private ChildExit KillServer()
    {
        Gone("the warm interpreter was stopped in the middle of a request");
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        return new ChildExit(-1, CapturedOutput.Empty, CapturedOutput.Empty);
    }

    private static void WriteRequest(Utf8JsonWriter writer, long id, ScriptInvocation invocation, ProcessRequest request, string? inputPath)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteString("script", invocation.Script);
        writer.WriteStartArray("args");
        foreach (var argument in invocation.Arguments)
        {
            writer.WriteStringValue(argument);
        }

        writer.WriteEndArray();
        writer.WriteString("cwd", request.WorkingDirectory);
        writer.WriteStartObject("env");
        foreach (var (name, value) in request.Environment)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.WriteString("stdin_path", inputPath);
        writer.WriteNumber("max_output", request.MaxCapturedBytes);
        writer.WriteEndObject();
    }

    private async Task SendAsync(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        buffer.WriteByte((byte)'\n');
        await writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            ThrowIfGone();
            await process.StandardInput.BaseStream.WriteAsync(buffer.ToArray()).ConfigureAwait(false);
            await process.StandardInput.BaseStream.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            throw Gone($"the warm interpreter stopped reading ({exception.Message})");
        }
        finally
        {
            writeLock.Release();
        }
    }

    private async Task ReadEventsAsync()
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                Dispatch(line);
            }
        }
        catch (Exception exception) when (exception is IOException or JsonException or ObjectDisposedException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A broken stream or a malformed event: handled below like an end of stream, the server is unusable.
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        Gone($"the warm interpreter exited with code {process.ExitCode}{ServerErrors()}");
    }

    private void Dispatch(string line)
    {
        using var document = JsonDocument.Parse(line);
        var message = document.RootElement;
        var kind = message.GetProperty("event").GetString();
        if (kind == "ready")
        {
            ready.TrySetResult();
            return;
        }

        if (!pending.TryGetValue(message.GetProperty("id").GetInt64(), out var run))
        {
            return;
        }

        switch (kind)
        {
            case "started":
                run.Started(message.GetProperty("pid").GetInt32());
                break;
            case "exited":
                run.Exited.TrySetResult(new ChildExit(
                    message.GetProperty("exit").GetInt32(), Capture(message.GetProperty("out")), Capture(message.GetProperty("err"))));
                break;
            case "failed":
                run.Exited.TrySetException(new ForkServerGoneException(message.GetProperty("reason").GetString() ?? "the request failed"));
                break;
        }
    }

    private static CapturedOutput Capture(JsonElement parts) =>
        CapturedOutput.FromBytes(parts[0].GetBytesFromBase64(), parts[1].GetBytesFromBase64(), parts[2].GetInt64());

    private async Task ReadErrorsAsync()
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await process.StandardError.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (serverErrors)
                {
                    if (serverErrors.Length < 8192)
                    {
                        serverErrors.Append(buffer, 0, read);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The server is gone; what it said so far is kept.
        }
    }

    private string ServerErrors()
    {
        lock (serverErrors)
        {
            var text = serverErrors.ToString().Trim();
            return text.Length == 0 ? string.Empty : $": {text.Split('\n')[^1]}";
        }
    }

    // Every run still in flight fails over to a fresh process; children the server left behind are killed first.
    private ForkServerGoneException Gone(string reason)
    {
        goneReason ??= reason;
        var gone = new ForkServerGoneException(goneReason);
        ready.TrySetException(gone);
        foreach (var run in pending.Values)
        {
            ProcessGroups.Kill(run.ProcessGroup);

            run.Exited.TrySetException(gone);
        }

        return gone;
    }

    private void ThrowIfGone()
    {
        if (goneReason is { } reason)
        {
            throw new ForkServerGoneException(reason);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        Gone("the warm interpreter was shut down");
        try
        {
            // End of input tells the server to kill what it still runs and exit.
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or InvalidOperationException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        process.Dispose();
        writeLock.Dispose();
    }

    private sealed class PendingRun
    {
        public TaskCompletionSource<ChildExit> Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private int processGroup;

        /// <summary>The child's pid, which is its process group; 0 until the server says it started.</summary>
        public int ProcessGroup => Volatile.Read(ref processGroup);

        public void Started(int pid) => Volatile.Write(ref processGroup, pid);
    }

    private sealed record ChildExit(int ExitCode, CapturedOutput Output, CapturedOutput Error);
}
