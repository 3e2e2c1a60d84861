using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Results;
using Grader.Core.Submissions;
using Grader.Core.Tracks;

namespace Grader.Cli.Tracks;

/// <summary>The Python track: locates the Python tools for the run, then grades with the Python engine, as before tracks existed.</summary>
internal sealed class PythonTrack(GraderApp app) : ITrack
{
    public string Name => "python";

    public string DefaultAssignment => GraderApp.DefaultAssignment;

    public string Signature => ".py files at the root";

    public bool Recognises(Submission submission) => submission.PythonFiles.Any(file => !file.Path.Contains('/', StringComparison.Ordinal));

    public CheckCatalog Catalog() => app.Catalog();

    public async Task<GradingResult> GradeAsync(AssignmentSpec assignment, Submission submission, GradingOptions options, CancellationToken cancellationToken)
    {
        var tools = await app.LocateToolsAsync(assignment, options, cancellationToken).ConfigureAwait(false);
        return await app.Engine().GradeAsync(assignment, submission, tools, options, cancellationToken).ConfigureAwait(false);
    }
}
