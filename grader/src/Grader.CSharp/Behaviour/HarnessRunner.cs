using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Grader.Core.Engine;
using Grader.Core.Processes;
using Grader.Core.Sandbox;
using Grader.Core.Submissions;
using Grader.Core.Supervision;
using Grader.CSharp.Behaviour.Supervision;
using Grader.CSharp.Compiling;

namespace Grader.CSharp.Behaviour;

/// <summary>
/// Runs a built harness for one task in a sandbox: a fresh copy of the submission as working directory, a scratch
/// HOME, a cleaned environment, the GC heap limit as memory cap, its own process group killed on timeout, capped
/// output. The harness talks to a <see cref="Supervisor"/> over its stdin and stdout, as the Python probe does: the
/// supervisor decides time and randomness and builds the observations from its own record; the student's Console
/// output goes to stderr.
/// </summary>
public sealed class HarnessRunner(IProcessRunner runner, DotnetSdk sdk)
{
    public const long HeapLimitBytes = 512L * 1024 * 1024;

    /// <summary>The processor count the student's code sees, whatever the machine has.</summary>
    public const int ProcessorCount = 4;

    /// <summary>Student-visible output kept per stream (head and tail halves).</summary>
    public const int CapturedOutputBytes = 64 * 1024;

    /// <summary>CPU seconds one scenario may use (or three times as many real seconds) before the harness's watchdog calls it a timeout (a loop that never awaits).</summary>
    public const double ScenarioSeconds = 2;

    public async Task<HarnessRun> RunAsync(string builtHarness, Submission submission, int task, GradingOptions options, string runFolder, CancellationToken cancellationToken)
    {
        // Each run gets its own copy of the built harness, beside its folder (which a sandbox replaces with a tmpfs):
        // tasks run side by side, and a sandbox may hand a run's files to that run's user alone.
        var harnessFolder = CopyOf(builtHarness, runFolder + "-harness");
        var copy = WorkingCopy.Create(submission, Path.Combine(runFolder, "submission"));
        var home = Directory.CreateDirectory(Path.Combine(runFolder, "home")).FullName;
        var supervisor = new Supervisor(Config(task), [task], new SupervisionSettings(options.Seed, VirtualClock: true, TimeScale: 1, VirtualDeadline, options.SupervisionMeter), HarnessPlan.Instance);
        var request = new ProcessRequest(
            sdk.DotnetHost,
            [Path.Combine(harnessFolder, "harness.dll")],
            copy,
            Environment(home),
            null,
            options.BehaviourTimeout,
            CapturedOutputBytes,
            OwnProcessGroup: true,
            Conversation: supervisor);
        var outcome = await options.Sandbox.RunAsync(runner, request, View(harnessFolder, runFolder, copy, home, options), cancellationToken).ConfigureAwait(false);
        var (observations, finished) = supervisor.Result(task);
        return new HarnessRun(task, observations, finished, supervisor.Annotate(outcome));
    }

    /// <summary>A scenario still waiting after this much virtual time never ends.</summary>
    public const double VirtualDeadline = 600;

    private static string CopyOf(string folder, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>The tmpfs a harness run may fill: the copy, HOME, and what student code writes beside them.</summary>
    public const long PrivateBytes = 64L * 1024 * 1024;

    // The runtime and the built harness read-only, the run's folder a fresh tmpfs, nothing passed through. The
    // runtime's threads count as processes, and it maps its assemblies: the limits leave room for both.
    private SandboxView View(string harnessFolder, string runFolder, string copy, string home, GradingOptions options) =>
        new(
            runFolder,
            [copy, home],
            [],
            [sdk.Root, Path.GetFullPath(harnessFolder)],
            copy,
            PrivateBytes,
            new ChildLimits(
                CpuSeconds: (int)options.BehaviourTimeout.TotalSeconds + 5,
                Processes: 512,
                OpenFiles: 1024,
                FileSizeBytes: 16L * 1024 * 1024))
        {
            BuiltForRun = [Path.GetFullPath(harnessFolder)],
        };

    private static ImmutableSortedDictionary<string, string> Environment(string home) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["TMPDIR"] = home,
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["LANG"] = "C.UTF-8",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            // No debugger, profiler or diagnostics IPC for student code.
            ["DOTNET_EnableDiagnostics"] = "0",
            ["DOTNET_GCHeapHardLimit"] = HeapLimitBytes.ToString("X", CultureInfo.InvariantCulture),
            ["DOTNET_TieredPGO"] = "0",
            // Environment.ProcessorCount sets the default parallelism of Parallel.ForEachAsync and ForAsync: fixed, so
            // a verdict does not depend on the grading machine's cores.
            ["DOTNET_PROCESSOR_COUNT"] = ProcessorCount.ToString(CultureInfo.InvariantCulture),
        });

    private static string Config(int task) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["protocol"] = Supervisor.ProtocolVersion,
            ["task"] = task,
            ["scenario_seconds"] = ScenarioSeconds,
        });
}
