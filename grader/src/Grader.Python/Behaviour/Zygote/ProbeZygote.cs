using System.Collections.Immutable;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Grader.Core.Processes;
using Grader.Core.Sandbox;
using Grader.Python.Tools;

namespace Grader.Python.Behaviour.Zygote;

/// <summary>
/// A warm probe resident in a bubblewrap sandbox of its own (<c>asyncprobe/zygote.py</c>), the sandbox's init. It
/// serves one run at a time: it copies the run's files from the intake onto its tmpfs, connects to the run's channel
/// (a Unix socket listened on here and removed once connected, before any student code runs) and forks the probe,
/// which talks to the supervisor over that socket exactly as a fresh probe over its pipes. When the child ends it
/// kills and reaps every other process of the sandbox, reads back the run's output files and empties the tmpfs, so
/// the next run finds nothing of this one. A fork costs a few milliseconds; a fresh sandboxed interpreter that
/// imports asyncio and the probe about a tenth of a second of CPU, more than the rest of a submission's run.
/// </summary>
internal sealed class ProbeZygote : IAsyncDisposable
{
    /// <summary>A zygote serves this many runs, then a fresh one takes over: nothing of long use builds up.</summary>
    public const int RunsPerZygote = 100;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ReadingGrace = TimeSpan.FromSeconds(5);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // sockaddr_un holds 108 bytes; the longest socket path a run may use must fit.
    private const int MaxSocketPath = 100;

    private readonly Process process;
    private readonly string folder;
    private readonly string probeScript;
    // The zygote's own diagnostics (its stderr), capped: what a report says when it goes away.
    private readonly OutputCollector errors = new(16 * 1024);
    private readonly Task errorsRead;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<JsonElement>? pendingExit;
    private int pendingId;
    private volatile string? goneReason;
    private int runs;
    private int disposed;

    private ProbeZygote(Process process, string folder, string probeScript)
    {
        this.process = process;
        this.folder = folder;
        this.probeScript = probeScript;
        errorsRead = ReadErrorsAsync();
    }

    /// <summary>The host folder the sandbox shows as its tmpfs, where every run's folder lies.</summary>
    private string Root => Path.Combine(folder, "r");

    /// <summary>The host folder the sandbox shows as its tmpfs for output files.</summary>
    private string OutputRoot => Path.Combine(folder, "o");

    /// <summary>The host folder the grader writes each run's intake to; read-only inside.</summary>
    private string Exchange => Path.Combine(folder, "x");

    public bool IsGone => goneReason is not null;

    public bool IsWornOut => runs >= RunsPerZygote;

    /// <summary>
    /// Starts a zygote for <paramref name="python"/> in <paramref name="sandbox"/>, seeing <paramref name="readOnly"/>
    /// (the interpreter's installation, the probe) besides its tmpfs of <paramref name="privateBytes"/> and one of
    /// <paramref name="outputBytes"/> for output files; null when this sandbox cannot hold one or it did not start (the
    /// caller then starts each run afresh).
    /// </summary>
    public static async Task<ProbeZygote?> StartAsync(ChildSandbox sandbox, string python, string probeScript, ImmutableArray<string> readOnly, long privateBytes, long outputBytes)
    {
        var folder = Directory.CreateTempSubdirectory("grader-zygote-").FullName;
        var root = Directory.CreateDirectory(Path.Combine(folder, "r")).FullName;
        var outputs = Directory.CreateDirectory(Path.Combine(folder, "o")).FullName;
        var exchange = Directory.CreateDirectory(Path.Combine(folder, "x")).FullName;
        var request = new ProcessRequest(
            python, ["-B", "-s", probeScript, "--zygote", root, outputs], root, PythonChildEnvironment.For(root, null), null, Timeout.InfiniteTimeSpan, OwnProcessGroup: true);
        var view = new SandboxView(root, [], [], [.. readOnly, exchange], root, privateBytes, new ChildLimits())
        {
            OtherPrivateFolders = ImmutableDictionary<string, long>.Empty.Add(outputs, outputBytes),
        };
        if (Encoding.UTF8.GetByteCount(SocketPath(exchange, int.MaxValue)) > MaxSocketPath || sandbox.ConfineResident(request, view) is not { } confined)
        {
            Directory.Delete(folder, recursive: true);
            return null;
        }

        var process = new Process { StartInfo = StartInfo(confined) };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            process.Dispose();
            Directory.Delete(folder, recursive: true);
            return null;
        }

        var zygote = new ProbeZygote(process, folder, probeScript);
        _ = zygote.ReadEventsAsync();
        try
        {
            await zygote.ready.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
            return zygote;
        }
        catch (Exception exception) when (exception is TimeoutException or ZygoteGoneException)
        {
            await zygote.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>A new run's places: the grader writes its intake to <see cref="ZygoteSlot.Intake"/>.</summary>
    public ZygoteSlot NewSlot()
    {
        var id = ++runs;
        var intake = Directory.CreateDirectory(Path.Combine(Exchange, $"run-{id}")).FullName;
        return new ZygoteSlot(id, intake, Path.Combine(Root, $"run-{id}"), Path.Combine(OutputRoot, $"run-{id}"));
    }

    /// <summary>
    /// Runs <paramref name="run"/> in the slot, <paramref name="conversation"/> on its channel, killing it at
    /// <paramref name="timeout"/>. Null when the zygote could not start it (the caller runs it afresh instead); once
    /// the child started, whatever happens is an outcome.
    /// </summary>
    public async Task<ZygoteOutcome?> RunAsync(ZygoteSlot slot, ZygoteRun run, IChildConversation conversation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socketPath = SocketPath(Exchange, slot.Id);
        var exited = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pendingId = slot.Id;
        pendingExit = exited;
        Socket? channel;
        try
        {
            channel = await ConnectAsync(slot, run, socketPath, exited.Task, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(socketPath);
            Directory.Delete(slot.Intake, recursive: true);
        }

        if (channel is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }

        // The child is forked once the zygote connected: its time starts now.
        var stopwatch = Stopwatch.StartNew();
        var stream = new NetworkStream(channel, ownsSocket: true);
        using var stopReading = new CancellationTokenSource();
        var talking = Task.Run(() => TalkAsync(conversation, stream, stopReading.Token), CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        JsonElement? exit;
        TimeSpan elapsed;
        try
        {
            exit = await exited.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
            elapsed = stopwatch.Elapsed;
        }
        catch (OperationCanceledException)
        {
            // The run's time ends with the kill, not with the zygote's report of it.
            elapsed = stopwatch.Elapsed;
            timedOut = !cancellationToken.IsCancellationRequested;
            exit = await KillAsync(slot.Id, exited.Task).ConfigureAwait(false);
        }
        catch (ZygoteGoneException)
        {
            elapsed = stopwatch.Elapsed;
            exit = null;
        }

        var pipesHeld = !await FinishReadingAsync(talking, stopReading, stream).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var outputs = exit is { } ended && ended.TryGetProperty("outputs", out var files) ? Outputs(files) : ImmutableDictionary<string, CapturedOutput>.Empty;
        var standardError = exit is { } finished && finished.TryGetProperty("stderr", out var errors) ? Capture(errors) : CapturedOutput.Empty;
        if (exit is null)
        {
            standardError = standardError with { Tail = standardError.Tail + $"\n[grader: the warm probe that ran this went away: {goneReason}]\n" };
        }
        else if (pipesHeld)
        {
            standardError = standardError with { Tail = standardError.Tail + ProcessRunner.PipesHeldNote };
        }

        int? exitCode = exit is { } done && !timedOut && done.TryGetProperty("exit", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : null;
        return new ZygoteOutcome(new ProcessOutcome(exitCode, timedOut, CapturedOutput.Empty, standardError, elapsed), outputs);
    }

    // Listens on the run's socket, asks the zygote to start the run, and takes the one connection it makes. Null when
    // the zygote reports it could not (a copy failed: it is ready for the next run), or went away or quiet (it is then
    // of no further use).
    private async Task<Socket?> ConnectAsync(ZygoteSlot slot, ZygoteRun run, string socketPath, Task<JsonElement> exited, CancellationToken cancellationToken)
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(1);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var accepting = listener.AcceptAsync(waiting.Token).AsTask();
        try
        {
            await SendAsync(writer => WriteRun(writer, slot, run)).ConfigureAwait(false);
            var first = await Task.WhenAny(accepting, exited, Task.Delay(ConnectTimeout, cancellationToken)).ConfigureAwait(false);
            if (first == accepting)
            {
                return await accepting.ConfigureAwait(false);
            }

            if (first == exited && exited.IsCompletedSuccessfully && exited.Result.TryGetProperty("error", out _))
            {
                await waiting.CancelAsync().ConfigureAwait(false);
                return null;
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ZygoteGoneException or OperationCanceledException)
        {
            // Handled below: this zygote serves no more runs.
        }

        await waiting.CancelAsync().ConfigureAwait(false);
        Gone("it did not start a run");
        await DisposeAsync().ConfigureAwait(false);
        return null;
    }

    private void WriteRun(Utf8JsonWriter writer, ZygoteSlot slot, ZygoteRun run)
    {
        writer.WriteStartObject();
        writer.WriteString("op", "run");
        writer.WriteNumber("id", slot.Id);
        writer.WriteString("socket", SocketPath(Exchange, slot.Id));
        writer.WriteString("script", probeScript);
        writer.WriteStartArray("folders");
        foreach (var made in run.Folders)
        {
            writer.WriteStringValue(made);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("copies");
        foreach (var (source, target) in run.Copies)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(source);
            writer.WriteStringValue(target);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteString("cwd", run.WorkingDirectory);
        writer.WriteStartObject("env");
        foreach (var (name, value) in run.Environment)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("outputs");
        foreach (var output in run.Outputs)
        {
            writer.WriteStringValue(output);
        }

        writer.WriteEndArray();
        writer.WriteNumber("max_output", run.MaxCapturedBytes);
        writer.WriteEndObject();
    }

    private static string SocketPath(string exchange, int id) => Path.Combine(exchange, $"run-{id}.sock");

    private static ImmutableDictionary<string, CapturedOutput> Outputs(JsonElement files) =>
        files.ValueKind == JsonValueKind.Object
            ? files.EnumerateObject().ToImmutableDictionary(file => file.Name, file => Capture(file.Value), StringComparer.Ordinal)
            : ImmutableDictionary<string, CapturedOutput>.Empty;

    // [head, tail, total]: the head and tail in base64.
    private static CapturedOutput Capture(JsonElement parts) =>
        CapturedOutput.FromBytes(Convert.FromBase64String(parts[0].GetString() ?? string.Empty), Convert.FromBase64String(parts[1].GetString() ?? string.Empty), parts[2].GetInt64());

    private static async Task TalkAsync(IChildConversation conversation, Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            await conversation.TalkAsync(stream, stream, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Timed out, or the child went away mid-sentence: the conversation keeps what it heard so far.
        }
    }

    // The conversation ends when every holder of the child's end of the socket is gone, which the zygote sees to before
    // it reports the exit; a grace period covers what the supervisor still has to read. Closing the socket stops a
    // read that would not end. True when the conversation reached the end of the channel by itself.
    private static async Task<bool> FinishReadingAsync(Task talking, CancellationTokenSource stopReading, Stream stream)
    {
        try
        {
            await talking.WaitAsync(ReadingGrace, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            await stopReading.CancelAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
            await talking.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            return false;
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<JsonElement?> KillAsync(int id, Task<JsonElement> exited)
    {
        try
        {
            await SendAsync(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("op", "kill");
                writer.WriteNumber("id", id);
                writer.WriteEndObject();
            }).ConfigureAwait(false);
            return await exited.WaitAsync(KillGrace).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or ZygoteGoneException)
        {
            // Ending the zygote's sandbox ends the run with it: its pid namespace goes when its init does.
            Gone("it did not confirm a kill");
            await DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    private async Task SendAsync(Action<Utf8JsonWriter> write)
    {
        if (goneReason is { } reason)
        {
            throw new ZygoteGoneException(reason);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        buffer.WriteByte((byte)'\n');
        var input = process.StandardInput.BaseStream;
        await input.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)).ConfigureAwait(false);
        await input.FlushAsync().ConfigureAwait(false);
    }

    private async Task ReadEventsAsync()
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                using var document = JsonDocument.Parse(line);
                var message = document.RootElement.Clone();
                var kind = message.TryGetProperty("event", out var name) ? name.GetString() : null;
                if (kind == "ready")
                {
                    ready.TrySetResult();
                }
                else if (kind == "exited" && message.TryGetProperty("id", out var id) && id.TryGetInt32(out var run) && run == pendingId)
                {
                    pendingExit?.TrySetResult(message);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or JsonException or ObjectDisposedException or InvalidOperationException)
        {
            // The zygote is gone, or said something no zygote says: either way it serves no more.
        }

        // Its last words may still be on their way through the other pipe.
        await errorsRead.WaitAsync(TimeSpan.FromSeconds(1)).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        Gone($"it exited{ErrorsSoFar()}");
    }

    private async Task ReadErrorsAsync()
    {
        try
        {
            await errors.ReadToEndAsync(process.StandardError.BaseStream, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Gone.
        }
    }

    private string ErrorsSoFar() => errors.ToCapturedOutput().Text.Trim() is { Length: > 0 } text ? $": {text}" : string.Empty;

    private void Gone(string reason)
    {
        goneReason ??= reason;
        var gone = new ZygoteGoneException(goneReason);
        ready.TrySetException(gone);
        pendingExit?.TrySetException(gone);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        Gone("it was shut down");
        try
        {
            // The end of its input tells the zygote to end; its sandbox goes with it.
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or TimeoutException or InvalidOperationException)
        {
            // Killed below.
        }

        ProcessGroups.Kill(process.Id);
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A socket being removed, or a mount point still held: the temporary folder goes with the machine's.
        }
    }

    private static ProcessStartInfo StartInfo(ProcessRequest request)
    {
        var startInfo = ProcessRunner.CreateStartInfo(request);
        startInfo.StandardOutputEncoding = Utf8;
        return startInfo;
    }
}

/// <summary>The zygote exited or was shut down: it serves no more runs.</summary>
internal sealed class ZygoteGoneException(string reason) : Exception($"the warm probe is gone: {reason}");
