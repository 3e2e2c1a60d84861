using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Core.Sandbox;
using Grader.Core.Submissions;
using Grader.Core.Supervision;
using Grader.Python.Behaviour.Supervision;
using Grader.Python.Behaviour.Zygote;
using Grader.Python.Tools;

namespace Grader.Python.Behaviour;

/// <summary>
/// Runs the assignment's probe for one task in a sandbox: a fresh copy of the submission as working directory,
/// a scratch HOME, resource limits (set by the probe before any student code loads), its own process group
/// killed on timeout, and capped output. The probe talks to a <see cref="Supervisor"/> over its stdin and
/// stdout, the private channel: the supervisor decides time and randomness and builds the observations from its own
/// record; the student's prints go to stderr (or, for tasks run together, to each task's output files).
/// Given <see cref="ProbeZygotes"/>, a run under namespaces is a child forked from a warm probe resident in a sandbox
/// of its own, which spares the interpreter's start and the probe's imports; its channel is then a Unix socket.
/// </summary>
public sealed class ProbeRunner(IProcessRunner runner, ProbeZygotes? zygotes = null)
{
    /// <summary>Student-visible output kept per stream (head and tail halves).</summary>
    public const int CapturedOutputBytes = 64 * 1024;

    /// <summary>
    /// Real-clock mode runs a requested sleep of d seconds for d * RealTimeScale seconds. Below 0.05, scheduling
    /// stalls of a loaded 2-core machine (about 10 ms) were seen to change verdicts.
    /// </summary>
    public const double RealTimeScale = 0.05;

    /// <summary>A scenario still running after this much virtual time never ends (an endless loop of awaits).</summary>
    public const double VirtualDeadline = 600;

    // With the real clock the deadline costs real time (deadline * scale), so it is lower; it still exceeds what
    // the slowest wrong-but-finishing answer (sequential awaits) needs.
    private const double RealDeadline = 120;

    private const int FileSizeLimitMegabytes = 16;

    private const long FileSizeLimitBytes = FileSizeLimitMegabytes * 1024L * 1024;

    /// <summary>
    /// How long tasks sharing a process may take together. All five take well under a second on the virtual clock;
    /// past this, the tasks not yet done run again alone, each with the full behaviour timeout, so a short limit
    /// only ever costs time, never a verdict.
    /// </summary>
    public static readonly TimeSpan TogetherTimeout = TimeSpan.FromSeconds(5);

    private readonly Lazy<Task> rehearsal = new(() => Task.Run(() => SupervisorRehearsal.RunAsync(ProbePlan.Instance, [0, 1, 2, 3, 4, .. Enumerable.Range(0, BehaviourEvidence.MainFiles).Select(BehaviourEvidence.MainTask)], ("uniform", "[0, 5]"))));

    /// <summary>Rehearses the supervisor once, in the background (<see cref="SupervisorRehearsal"/>): the first probe's requests then meet compiled code.</summary>
    public void WarmUp() => _ = rehearsal.Value;

    public async Task<ProbeRun> RunAsync(
        PythonInterpreter python, string probeScript, Submission submission, int task, GradingOptions options, ScratchSpace scratch, CancellationToken cancellationToken)
    {
        var supervisor = NewSupervisor(options, [task], json => json.WriteNumber("task", task));
        var warm = await WarmAsync(python, probeScript, options, async zygote =>
        {
            var slot = zygote.NewSlot();
            var source = WorkingCopy.Create(submission, Path.Combine(slot.Intake, "submission"));
            var copy = Path.Combine(slot.Folder, "submission");
            var home = Path.Combine(slot.Folder, "home");
            var run = new ZygoteRun([home], [(source, copy)], copy, PythonChildEnvironment.For(home, null), [], CapturedOutputBytes);
            if (await zygote.RunAsync(slot, run, supervisor, options.BehaviourTimeout, cancellationToken).ConfigureAwait(false) is not { } ran)
            {
                return null;
            }

            var (observations, finished) = supervisor.Result(task);
            return new ProbeRun(task, observations, finished, supervisor.Annotate(ran.Outcome));
        }).ConfigureAwait(false);
        if (warm is not null)
        {
            return warm;
        }

        var runFolder = scratch.NewFolder($"probe-{task}");
        var workingCopy = WorkingCopy.Create(submission, Path.Combine(runFolder, "submission"));
        var scratchHome = Directory.CreateDirectory(Path.Combine(runFolder, "home")).FullName;
        var view = View(python, probeScript, runFolder, [workingCopy, scratchHome], [], workingCopy);
        var outcome = await options.Sandbox.RunAsync(runner, Request(python, probeScript, workingCopy, scratchHome, supervisor, options.BehaviourTimeout), view, cancellationToken).ConfigureAwait(false);
        var result = supervisor.Result(task);
        return new ProbeRun(task, result.Observations, result.Finished, supervisor.Annotate(outcome));
    }

    /// <summary>
    /// Runs several tasks one after the other in one probe process (virtual clock only): each in its own copy of
    /// the submission, with its own output files, the interpreter put back as it was between tasks.
    /// One process instead of one per task saves most of the cost of a behaviour run. Returns the runs of the
    /// tasks that completed as they would have alone; the caller runs the others again, each in its own process:
    /// a task the process died or timed out in, every task after it, and a task whose result the shared process
    /// may have changed (it ran out of memory, or its output reached the file size limit).
    /// </summary>
    public async Task<ImmutableArray<ProbeRun>> RunTogetherAsync(
        PythonInterpreter python, string probeScript, Submission submission, IReadOnlyList<int> tasks, GradingOptions options, ScratchSpace scratch, CancellationToken cancellationToken)
    {
        var timeout = options.BehaviourTimeout < TogetherTimeout ? options.BehaviourTimeout : TogetherTimeout;
        var warm = await WarmAsync(python, probeScript, options, zygote => RunTogetherWarmAsync(zygote, submission, tasks, options, timeout, cancellationToken)).ConfigureAwait(false);
        if (warm is { } completed)
        {
            return completed;
        }

        // One copy on the host, written once: the sandbox copies it into each task's folder on its tmpfs.
        var source = WorkingCopy.Create(submission, Path.Combine(scratch.NewFolder("together-source"), "submission"));
        var folders = tasks.Select(task => new TaskFolder(task, scratch.NewFolder($"together-{task}"))).ToList();
        var home = scratch.NewFolder("together-home");
        var supervisor = NewTogetherSupervisor(options, folders);
        var view = View(
            python,
            probeScript,
            scratch.Root,
            [.. folders.Select(folder => folder.Copy), home],
            [.. folders.SelectMany(folder => new[] { folder.StandardOutput, folder.StandardError })],
            folders[0].Copy) with
        {
            CopiedFrom = folders.ToImmutableDictionary(folder => folder.Copy, _ => source, StringComparer.Ordinal),
        };

        var outcome = await options.Sandbox.RunAsync(runner, Request(python, probeScript, folders[0].Copy, home, supervisor, timeout), view, cancellationToken).ConfigureAwait(false);
        return await CompletedAsync(supervisor, folders, outcome, path => Task.FromResult(File.Exists(path) ? new FileInfo(path).Length : 0L), path => OutputCollector.FromFileAsync(path, CapturedOutputBytes, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<ImmutableArray<ProbeRun>?> RunTogetherWarmAsync(
        ProbeZygote zygote, Submission submission, IReadOnlyList<int> tasks, GradingOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var slot = zygote.NewSlot();
        var source = WorkingCopy.Create(submission, Path.Combine(slot.Intake, "submission"));
        var folders = tasks.Select(task => new TaskFolder(task, Path.Combine(slot.Folder, $"together-{task}"), Path.Combine(slot.OutputFolder, $"together-{task}"))).ToList();
        var home = Path.Combine(slot.Folder, "home");
        var supervisor = NewTogetherSupervisor(options, folders);
        var run = new ZygoteRun(
            [home, .. folders.SelectMany(folder => new[] { folder.Folder, folder.OutputFolder })],
            [.. folders.Select(folder => (source, folder.Copy))],
            folders[0].Copy,
            PythonChildEnvironment.For(home, null),
            [.. folders.SelectMany(folder => new[] { folder.StandardOutput, folder.StandardError })],
            CapturedOutputBytes);
        if (await zygote.RunAsync(slot, run, supervisor, timeout, cancellationToken).ConfigureAwait(false) is not { } ran)
        {
            return null;
        }

        var outputs = ran.Outputs;
        return await CompletedAsync(
            supervisor,
            folders,
            ran.Outcome,
            path => Task.FromResult(outputs.GetValueOrDefault(path)?.TotalBytes ?? 0),
            path => Task.FromResult(outputs.GetValueOrDefault(path) ?? CapturedOutput.Empty)).ConfigureAwait(false);
    }

    // The tasks of a shared run that completed as they would have alone, in order, up to the first that did not.
    private static async Task<ImmutableArray<ProbeRun>> CompletedAsync(
        Supervisor supervisor, IReadOnlyList<TaskFolder> folders, ProcessOutcome outcome, Func<string, Task<long>> size, Func<string, Task<CapturedOutput>> capture)
    {
        var completed = ImmutableArray.CreateBuilder<ProbeRun>();
        foreach (var folder in folders)
        {
            var (observations, finished) = supervisor.Result(folder.Task);
            // Alone, output goes to a pipe without a size limit; here a file that stops growing at the limit.
            var withinLimit = await size(folder.StandardOutput).ConfigureAwait(false) < FileSizeLimitBytes
                && await size(folder.StandardError).ConfigureAwait(false) < FileSizeLimitBytes;
            if (!finished || !withinLimit || observations.Values.Any(MayDependOnSharedMemory))
            {
                break;
            }

            var standardOutput = await capture(folder.StandardOutput).ConfigureAwait(false);
            var standardError = await capture(folder.StandardError).ConfigureAwait(false);
            var ownOutcome = new ProcessOutcome(0, false, standardOutput, standardError, outcome.Elapsed);
            completed.Add(new ProbeRun(folder.Task, observations, finished, ownOutcome));
        }

        return completed.ToImmutable();
    }

    // Runs on a warm probe rented for the call and given back after it; null when there is none to rent or it could not
    // start the run (the caller then starts a process of its own).
    private async Task<T?> WarmAsync<T>(PythonInterpreter python, string probeScript, GradingOptions options, Func<ProbeZygote, Task<T?>> run)
    {
        if (zygotes is null
            || await zygotes.RentAsync(options.Sandbox, python.Path, probeScript, ReadOnly(python, probeScript), PrivateBytes, WarmOutputBytes).ConfigureAwait(false) is not { } zygote)
        {
            return default;
        }

        try
        {
            return await run(zygote).ConfigureAwait(false);
        }
        finally
        {
            await zygotes.ReturnAsync(options.Sandbox, python.Path, probeScript, zygote).ConfigureAwait(false);
        }
    }

    private static Supervisor NewTogetherSupervisor(GradingOptions options, IReadOnlyList<TaskFolder> folders) =>
        NewSupervisor(options, [.. folders.Select(folder => folder.Task)], json =>
        {
            json.WriteStartArray("tasks");
            foreach (var folder in folders)
            {
                json.WriteStartObject();
                json.WriteNumber("task", folder.Task);
                json.WriteString("directory", folder.Copy);
                json.WriteString("stdout_path", folder.StandardOutput);
                json.WriteString("stderr_path", folder.StandardError);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });

    // Alone, the task would have had the whole memory limit to itself.
    private static bool MayDependOnSharedMemory(JsonElement observation) =>
        observation.GetRawText().Contains("MemoryError", StringComparison.Ordinal);

    /// <summary>
    /// What the probe may see in a sandbox: the interpreter's installation and the probe's own folder, read-only; the
    /// run's folder as a fresh tmpfs holding copies of the submission and HOME; only the output files of tasks run
    /// together pass through. The probe sets its resource limits itself, before any student code loads.
    /// </summary>
    private static SandboxView View(PythonInterpreter python, string probeScript, string privateRoot, ImmutableArray<string> copiedIn, ImmutableArray<string> passedThrough, string workingDirectory) =>
        new(privateRoot, copiedIn, passedThrough, ReadOnly(python, probeScript), workingDirectory, PrivateBytes, new ChildLimits());

    // The interpreter's installation and the probe's own folder.
    private static ImmutableArray<string> ReadOnly(PythonInterpreter python, string probeScript) =>
        [.. new[] { InstallationFolder(python.Path), Path.GetDirectoryName(Path.GetFullPath(probeScript))! }.Distinct(StringComparer.Ordinal)];

    /// <summary>The tmpfs a probe run may fill: the copies, and what student code writes beside them.</summary>
    public const long PrivateBytes = 64L * 1024 * 1024;

    // A warm probe keeps the output files of tasks run together, which a fresh run keeps on the host, on a tmpfs of
    // their own, room for each to reach the file size limit (five tasks and the five main files, stdout and stderr
    // each): the task's own folder stays as small as a fresh run's.
    private const long WarmOutputBytes = (2 * 10 * FileSizeLimitBytes) + (1024 * 1024);

    // The prefix of an interpreter (the folder above its bin/), after symlinks: pyenv's versions/3.11.7, or /usr.
    private static string InstallationFolder(string interpreter)
    {
        var real = File.ResolveLinkTarget(interpreter, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(interpreter);
        var bin = Path.GetDirectoryName(real)!;
        return Path.GetDirectoryName(bin) ?? bin;
    }

    private static ProcessRequest Request(PythonInterpreter python, string probeScript, string workingDirectory, string home, Supervisor supervisor, TimeSpan timeout) =>
        new(
            python.Path,
            ["-B", "-s", probeScript],
            workingDirectory,
            PythonChildEnvironment.For(home, null),
            null,
            timeout,
            CapturedOutputBytes,
            OwnProcessGroup: true,
            Conversation: supervisor);

    private static Supervisor NewSupervisor(GradingOptions options, IReadOnlyList<int> tasks, Action<Utf8JsonWriter> writeTasks)
    {
        var isVirtual = options.Clock == ClockMode.Virtual;
        var settings = new SupervisionSettings(options.Seed, isVirtual, RealTimeScale, isVirtual ? VirtualDeadline : RealDeadline, options.SupervisionMeter);
        return new Supervisor(Config(options, writeTasks), tasks, settings, ProbePlan.Instance);
    }

    private static string Config(GradingOptions options, Action<Utf8JsonWriter> writeTasks)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("protocol", Supervisor.ProtocolVersion);
            writeTasks(json);
            json.WriteString("clock", options.Clock == ClockMode.Virtual ? "virtual" : "real");
            json.WriteNumber("time_scale", RealTimeScale);
            json.WriteStartObject("limits");
            // Above the wall-clock limit, so that a busy loop is killed by the timeout (status timeout) first.
            json.WriteNumber("cpu_seconds", (int)options.BehaviourTimeout.TotalSeconds + 5);
            json.WriteNumber("memory_mb", 512);
            json.WriteNumber("processes", 64);
            json.WriteNumber("open_files", 256);
            json.WriteNumber("file_size_mb", FileSizeLimitMegabytes);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>One task's place in a shared run: its copy of the submission and its output (beside it, unless a warm probe keeps output apart).</summary>
    private sealed record TaskFolder(int Task, string Folder, string? Output = null)
    {
        public string OutputFolder => Output ?? Folder;

        public string Copy => Path.Combine(Folder, "submission");

        public string StandardOutput => Path.Combine(OutputFolder, "stdout");

        public string StandardError => Path.Combine(OutputFolder, "stderr");
    }
}
