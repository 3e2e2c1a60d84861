using System.Collections.Immutable;
using Grader.Core.Processes;

namespace Grader.Python.Behaviour.Zygote;

/// <summary>
/// One probe run a <see cref="ProbeZygote"/> forks: the folders it makes on its tmpfs, the copies it makes there from
/// the run's intake (written by the grader, read-only inside), and where the child works and writes.
/// </summary>
/// <param name="Folders">Folders to create on the tmpfs (HOME, each task's folder).</param>
/// <param name="Copies">Each a folder of the intake and the tmpfs folder it is copied to.</param>
/// <param name="Outputs">Other files of the run the grader reads afterwards (each task's output when tasks run together).</param>
internal sealed record ZygoteRun(
    ImmutableArray<string> Folders,
    ImmutableArray<(string Source, string Target)> Copies,
    string WorkingDirectory,
    ImmutableSortedDictionary<string, string> Environment,
    ImmutableArray<string> Outputs,
    int MaxCapturedBytes);

/// <summary>
/// How a zygote's run ended (its stderr, a pipe the zygote read, as the runner reads a fresh child's), and the output
/// files it read back, each capped as the runner caps a stream.
/// </summary>
internal sealed record ZygoteOutcome(ProcessOutcome Outcome, ImmutableDictionary<string, CapturedOutput> Outputs);

/// <summary>
/// The places of one run: its intake on the host, its folder on the zygote's tmpfs and its folder for output files on
/// the zygote's other tmpfs (each seen inside at that host path).
/// </summary>
internal sealed record ZygoteSlot(int Id, string Intake, string Folder, string OutputFolder);
