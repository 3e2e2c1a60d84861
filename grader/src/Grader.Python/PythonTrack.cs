using System.Collections.Concurrent;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Processes;
using Grader.Core.Provisioning;
using Grader.Core.Results;
using Grader.Core.Submissions;
using Grader.Core.Tracks;
using Grader.Python.Evidence;
using Grader.Python.Tools;

namespace Grader.Python;

/// <summary>
/// The Python track: locates the interpreters and pycodestyle for a run (installing a missing pycodestyle where
/// it can), collects the static facts, the style findings and the assignment's behaviour evidence, and grades with
/// the engine.
/// </summary>
/// <param name="sources">The assignment's evidence sources (its behaviour probe).</param>
/// <param name="environment">The grader's environment: PATH and pyenv's folder, where interpreters are looked for.</param>
/// <param name="notices">Where the track says what it installs (stderr), apart from any report.</param>
public sealed class PythonTrack(
    CheckCatalog catalog,
    IReadOnlyList<IPythonEvidenceSource> sources,
    IProcessRunner runner,
    IReadOnlyDictionary<string, string?> environment,
    SystemToolProvisioner provisioner,
    TextWriter notices,
    string graderVersion) : ITrack
{
    public string Name => "python";

    public string DefaultAssignment => "python-async";

    public string Signature => ".py files at the root";

    public bool Recognises(Submission submission) => submission.PythonFiles().Any(file => !file.Path.Contains('/', StringComparison.Ordinal));

    // The tools found for an assignment and an interpreter choice, looked for once per track (a check prepares, then
    // grades). Installing a missing pycodestyle is not part of it: that waits until grading starts for sure.
    private readonly ConcurrentDictionary<(string Assignment, string? Interpreter), Task<ToolEnvironment>> found = new();

    public CheckCatalog Catalog() => catalog;

    public void Prepare(AssignmentSpec assignment, GradingOptions options, CancellationToken cancellationToken) =>
        _ = Find(assignment, options, cancellationToken);

    public async Task<GradingResult> GradeAsync(AssignmentSpec assignment, Submission submission, GradingOptions options, CancellationToken cancellationToken)
    {
        var tools = await LocateToolsAsync(assignment, options, cancellationToken).ConfigureAwait(false);
        return await GradeAsync(assignment, submission, options, tools, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Grades with tools located once for many submissions (a batch).</summary>
    public Task<GradingResult> GradeAsync(AssignmentSpec assignment, Submission submission, GradingOptions options, ToolEnvironment tools, CancellationToken cancellationToken) =>
        new GradingEngine(catalog, new PythonEvidenceCollector(runner, tools, sources), graderVersion).GradeAsync(assignment, submission, options, cancellationToken);

    /// <summary>
    /// The Python tools for a run. A missing pycodestyle is installed first where the grader can, so the first
    /// command on a fresh machine grades style too; where it cannot, one line says what to run.
    /// </summary>
    public async Task<ToolEnvironment> LocateToolsAsync(AssignmentSpec assignment, GradingOptions options, CancellationToken cancellationToken)
    {
        var tools = await Find(assignment, options, cancellationToken).ConfigureAwait(false);
        if (tools.HasStyleChecker)
        {
            return tools;
        }

        var locator = new ToolLocator(runner, environment);
        var interpreter = PythonOptions.Of(options).Interpreter;
        var target = PythonOptions.TargetVersion(assignment);
        var outcome = await provisioner.EnsureAsync(PythonSystemTools.Pycodestyle, cancellationToken).ConfigureAwait(false);
        if (outcome.Line is { } line)
        {
            await notices.WriteLineAsync(line).ConfigureAwait(false);
        }

        return outcome.Status == ProvisionStatus.Missing ? tools : await locator.LocateAsync(interpreter, target, cancellationToken).ConfigureAwait(false);
    }

    private Task<ToolEnvironment> Find(AssignmentSpec assignment, GradingOptions options, CancellationToken cancellationToken) =>
        found.GetOrAdd((assignment.Directory, PythonOptions.Of(options).Interpreter), _ => Task.Run(
            () =>
            {
                foreach (var source in sources)
                {
                    source.WarmUp();
                }

                return new ToolLocator(runner, environment).LocateAsync(PythonOptions.Of(options).Interpreter, PythonOptions.TargetVersion(assignment), cancellationToken);
            },
            cancellationToken));
}
