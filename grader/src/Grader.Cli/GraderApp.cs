using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Grader.Checks.CSharpAsync;
using Grader.Checks.PythonAsync;
using Grader.Core.Assignment;
using Grader.Core.Batch;
using Grader.Core.Engine;
using Grader.Core.Processes;
using Grader.Core.Provisioning;
using Grader.Core.Results;
using Grader.Core.Sandbox;
using Grader.Core.Submissions;
using Grader.Core.Tracks;
using Grader.CSharp;
using Grader.CSharp.Loading;
using Grader.CSharp.Similarity;
using Grader.Python;
using Grader.Python.Behaviour;
using Grader.Python.Similarity;
using Grader.Python.Tools;
using Grader.Python.Behaviour.Zygote;
using Grader.Python.Warm;

namespace Grader.Cli;

/// <summary>The composition root: builds the engine, the catalog and the tool locator from the process's surroundings.</summary>
internal sealed class GraderApp : IAsyncDisposable
{
    public const string FreshProcessesVariable = "GRADER_FRESH_PROCESSES";

    public const string WarmProbeVariable = "GRADER_WARM_PROBE";

    private readonly IProcessRunner runner;
    private readonly IReadOnlyDictionary<string, string?> environment;
    private readonly string baseDirectory;
    private readonly TextWriter notices;
    private readonly Lock sandboxGate = new();
    // The warm probes of the behaviour runs under namespaces: one per batch job (and task run alone at once).
    private readonly ProbeZygotes? zygotes;
    private Task<ChildSandbox>? sandbox;

    /// <param name="gradescopeRoot">Where Gradescope mounts the autograder (/autograder); tests point it at a temporary folder.</param>
    /// <param name="tasksTogether">Run a submission's tasks in one probe process where they complete as they would alone.</param>
    /// <param name="notices">Where the grader says what it installs (stderr), apart from any report.</param>
    /// <param name="warmProbes">Fork each behaviour run under namespaces from a warm probe in a sandbox of its own.</param>
    public GraderApp(IProcessRunner runner, IReadOnlyDictionary<string, string?> environment, string baseDirectory, string gradescopeRoot = "/autograder", bool tasksTogether = true, TextWriter? notices = null, bool warmProbes = true)
    {
        zygotes = warmProbes ? new ProbeZygotes() : null;
        this.runner = runner;
        this.notices = notices ?? TextWriter.Null;
        this.environment = environment;
        this.baseDirectory = baseDirectory;
        GradescopeRoot = gradescopeRoot;
        // One C# track per process: its compiler host stays warm across every submission of a batch.
        Tracks = new TrackSelector(
        [
            new PythonTrack(
                PythonAsyncChecks.Catalog(),
                [new ProbeEvidenceSource(new ProbeRunner(runner, zygotes), System.Environment.ProcessorCount, tasksTogether)],
                runner,
                environment,
                Provisioner(),
                this.notices,
                GraderVersion),
            new CSharpTrack(
                CSharpAsyncChecks.Catalog(),
                host => CSharpAsyncChecks.EvidenceSources(host, runner, TrackAssignmentDirectory("csharp-async")),
                runner,
                ProjectLoaderSettings.FromEnvironment(environment),
                GraderVersion),
        ]);
    }

    public const string DefaultAssignment = "python-async";

    public static IReadOnlyDictionary<string, string?> ProcessEnvironment() =>
        System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value);

    /// <summary>
    /// The app with the real process runner: the grader's Python scripts run on warm interpreters and a submission's
    /// tasks share one probe process, unless GRADER_FRESH_PROCESSES=1 asks for a fresh process each time, one per
    /// task (the benchmarks' baseline, and a way around a system where forking misbehaves). GRADER_WARM_PROBE=0 starts
    /// every behaviour run as a process of its own, in a sandbox of its own, instead of forking it from a warm probe.
    /// </summary>
    public static GraderApp Create(IReadOnlyDictionary<string, string?> environment, string baseDirectory, string gradescopeRoot = "/autograder", TextWriter? notices = null)
    {
        var fresh = environment.GetValueOrDefault(FreshProcessesVariable) == "1";
        IProcessRunner runner = fresh ? new ProcessRunner() : new WarmPythonRunner(new ProcessRunner());
        var warm = !fresh && environment.GetValueOrDefault(WarmProbeVariable) != "0";
        return new(runner, environment, baseDirectory, gradescopeRoot, tasksTogether: !fresh, notices, warm);
    }

    public IReadOnlyDictionary<string, string?> Environment => environment;

    public IProcessRunner Runner => runner;

    public string GradescopeRoot { get; }

    /// <summary>The folder the grader runs from: the tool package's own files when installed with 'dotnet tool install'.</summary>
    public string BaseDirectory => baseDirectory;

    public static string GraderVersion =>
        typeof(GraderApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The tracks <c>--track</c> chooses from, the default (Python) first.</summary>
    public TrackSelector Tracks { get; }

    public string AssignmentDirectory(string? explicitDirectory) =>
        explicitDirectory ?? Path.Combine(baseDirectory, "checks", DefaultAssignment);

    /// <summary>The rules a track grades by: --assignment's folder, else the track's default assignment shipped with the grader.</summary>
    public AssignmentSpec LoadAssignment(string? explicitDirectory, ITrack track)
    {
        var spec = AssignmentLoader.Load(explicitDirectory ?? TrackAssignmentDirectory(track.DefaultAssignment));
        return spec.Track == track.Name
            ? spec
            : throw GraderSetupException.InvalidOption("--assignment", $"the assignment '{spec.Id}' is for the {spec.Track} track, not {track.Name}: pass --track {spec.Track} or another --assignment.");
    }

    /// <summary>
    /// For a batch: grades a submission the selector assigns to a track other than the default (Python) one with
    /// that track and its default assignment; null for the default track's submissions.
    /// </summary>
    public Task<GradingResult>? GradeOtherTrack(Submission submission, GradingOptions options, CancellationToken cancellationToken)
    {
        var track = Tracks.Select(null, submission);
        return track == Tracks.Tracks[0] ? null : track.GradeAsync(LoadAssignment(null, track), submission, options, cancellationToken);
    }

    /// <summary>The task files of the other tracks' default assignments, so a batch's intake finds their project folders.</summary>
    public ImmutableArray<string> OtherTracksTaskFiles() =>
        [.. Tracks.Tracks.Skip(1).SelectMany(track => LoadAssignment(null, track).Tasks.Select(task => task.File))];

    /// <summary>
    /// The languages a batch compares for similarity, most specific first: C# submissions (Roslyn's tokens, the C#
    /// template) and then every other one as Python (tokens.py, the Python template). Never across languages.
    /// </summary>
    public IReadOnlyList<SimilarityTrack> SimilarityTracks(AssignmentSpec pythonAssignment, ToolEnvironment tools)
    {
        var csharp = Tracks.Tracks.OfType<CSharpTrack>().Single();
        return
        [
            new SimilarityTrack(csharp.Name, LoadAssignment(null, csharp), csharp.Recognises, new CSharpSourceTokenizer(), Path.Combine(TrackAssignmentDirectory(csharp.DefaultAssignment), "template")),
            PythonSimilarityTrack.Create(Runner, pythonAssignment, tools.Analysis, TemplateDirectory),
        ];
    }

    private string TrackAssignmentDirectory(string name) => Path.Combine(baseDirectory, "checks", name);

    /// <summary>The student template shipped beside the rules; its code is not counted as similarity.</summary>
    public string TemplateDirectory => Path.Combine(baseDirectory, "checks", DefaultAssignment, "template");

    public AssignmentSpec LoadAssignment(string? explicitDirectory) => AssignmentLoader.Load(AssignmentDirectory(explicitDirectory));

    /// <summary>The default track, which grades every submission no other track recognises.</summary>
    public PythonTrack Python => Tracks.Tracks.OfType<PythonTrack>().Single();

    /// <summary>Installs a missing system tool where the grader can (root, apt-get), or says in one line how to.</summary>
    public SystemToolProvisioner Provisioner() => new(runner, ProvisionerSettings.FromEnvironment(environment), notices);

    /// <summary>
    /// The sandbox every child that runs student code gets, prepared once for this process (bubblewrap, installed
    /// where the grader can, tried once); with <paramref name="declined"/> (--no-sandbox), limits only.
    /// </summary>
    public Task<ChildSandbox> SandboxAsync(bool declined, CancellationToken cancellationToken)
    {
        if (declined)
        {
            return Task.FromResult(ChildSandbox.LimitsOnly(Isolation.Declined, ProvisionerSettings.FromEnvironment(environment).Find("prlimit")));
        }

        lock (sandboxGate)
        {
            return sandbox ??= new SandboxPreparation(runner, Provisioner(), ProvisionerSettings.FromEnvironment(environment)).PrepareAsync(environment, cancellationToken);
        }
    }

    /// <summary>The Python tools for a run (installing a missing pycodestyle where the grader can).</summary>
    public Task<ToolEnvironment> LocateToolsAsync(AssignmentSpec assignment, GradingOptions options, CancellationToken cancellationToken) =>
        Python.LocateToolsAsync(assignment, options, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (zygotes is not null)
        {
            await zygotes.DisposeAsync();
        }

        if (runner is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
