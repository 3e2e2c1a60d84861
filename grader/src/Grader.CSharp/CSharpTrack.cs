using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Processes;
using Grader.Core.Results;
using Grader.Core.Submissions;
using Grader.Core.Tracks;
using Grader.CSharp.Compiling;
using Grader.CSharp.Evidence;
using Grader.CSharp.Loading;

namespace Grader.CSharp;

/// <summary>
/// The C# track: a folder with a .csproj or .cs files, compiled in-process with Roslyn and graded by the same
/// engine, scorer and reporters as the Python track. One instance keeps its compiler host (and so the loaded
/// reference assemblies) warm for every submission it grades.
/// </summary>
public sealed class CSharpTrack : ITrack
{
    private readonly CheckCatalog catalog;
    private readonly string graderVersion;

    // The SDK is located, the references loaded and the harness parsed on first use, so listing tracks costs nothing;
    // after that they stay warm for every submission this track grades.
    private readonly Lazy<CompilerHost> host = new(() => new CompilerHost(DotnetSdk.Locate()));
    private readonly Lazy<IReadOnlyList<ICSharpEvidenceSource>> sources;
    private readonly Lazy<SandboxedProjectLoader> loader;

    /// <param name="runner">Starts the project loader for projects with package or project references.</param>
    /// <param name="loading">Where the loader is, where packages are cached, its time limit.</param>
    public CSharpTrack(
        CheckCatalog catalog, Func<CompilerHost, IReadOnlyList<ICSharpEvidenceSource>> sources, IProcessRunner runner, ProjectLoaderSettings loading, string graderVersion)
    {
        this.catalog = catalog;
        this.graderVersion = graderVersion;
        this.sources = new Lazy<IReadOnlyList<ICSharpEvidenceSource>>(() => sources(host.Value));
        loader = new Lazy<SandboxedProjectLoader>(() => new SandboxedProjectLoader(runner, host.Value.Sdk, loading));
    }

    public string Name => "csharp";

    public string DefaultAssignment => "csharp-async";

    public string Signature => "a .csproj or .cs files";

    public CompilerHost Host => host.Value;

    public bool Recognises(Submission submission) =>
        submission.Files.Keys.Any(path => !CSharpEvidenceCollector.IsBuildOutput(path) && (path.EndsWith(".csproj", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal)));

    public CheckCatalog Catalog() => catalog;

    public Task<GradingResult> GradeAsync(AssignmentSpec assignment, Submission submission, GradingOptions options, CancellationToken cancellationToken)
    {
        if (options.Clock != ClockMode.Virtual)
        {
            throw GraderSetupException.InvalidOption("--clock", "the C# track runs behaviour in virtual time only; leave --clock at virtual.");
        }

        var engine = new GradingEngine(catalog, new CSharpEvidenceCollector(Host, loader.Value, sources.Value), graderVersion);
        return engine.GradeAsync(assignment, submission, options, cancellationToken);
    }
}
