using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Core.Python.Tools;
using Grader.Core.Sandbox;
using Grader.Core.Submissions;

namespace Grader.Core.Python.Behaviour;

/// <summary>
/// Runs the assignment's probe for one task in a sandbox: a fresh copy of the submission as working directory,
/// a scratch HOME, resource limits (set by the probe before any student code loads), its own process group
/// killed on timeout, and capped output. Observations come back through a results file outside the copy,
/// tagged with a per-run nonce, never through stdout.
/// </summary>
public sealed class ProbeRunner(IProcessRunner runner)
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

    public async Task<ProbeRun> RunAsync(
        PythonInterpreter python, string probeScript, Submission submission, int task, GradingOptions options, ScratchSpace scratch, CancellationToken cancellationToken)
    {
        var runFolder = scratch.NewFolder($"probe-{task}");
        var copy = WorkingCopy.Create(submission, Path.Combine(runFolder, "submission"));
        var home = Directory.CreateDirectory(Path.Combine(runFolder, "home")).FullName;
        var results = Path.Combine(runFolder, "results.jsonl");
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var request = new ProcessRequest(
            python.Path,
            ["-B", "-s", probeScript],
            copy,
            ChildEnvironment.For(home, null),
            Config(task, options, results, nonce) + "\n",
            options.BehaviourTimeout,
            CapturedOutputBytes,
            OwnProcessGroup: true);
        var outcome = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        var (observations, finished) = NonceTaggedLines.Read(results, nonce);
        return new ProbeRun(task, observations, finished, outcome);
    }

    private static string Config(int task, GradingOptions options, string resultsPath, string nonce)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("task", task);
            json.WriteNumber("seed", options.Seed);
            json.WriteString("clock", options.Clock == ClockMode.Virtual ? "virtual" : "real");
            json.WriteString("results_path", resultsPath);
            json.WriteString("nonce", nonce);
            json.WriteNumber("time_scale", RealTimeScale);
            json.WriteNumber("virtual_deadline", options.Clock == ClockMode.Virtual ? VirtualDeadline : RealDeadline);
            json.WriteStartObject("limits");
            // Above the wall-clock limit, so that a busy loop is killed by the timeout (status timeout) first.
            json.WriteNumber("cpu_seconds", (int)options.BehaviourTimeout.TotalSeconds + 5);
            json.WriteNumber("memory_mb", 512);
            json.WriteNumber("processes", 64);
            json.WriteNumber("open_files", 256);
            json.WriteNumber("file_size_mb", 16);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
