using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Results;
using Grader.Core.Submissions;

namespace Grader.Core.Tracks;

/// <summary>
/// One language the grader grades (python, csharp): how to recognise a submission in it, its checks, and how to
/// grade one submission. The CLI picks a track by <c>--track</c> or by <see cref="TrackSelector"/>.
/// </summary>
public interface ITrack
{
    /// <summary>The name <c>--track</c> takes and assignment.json's <c>track</c> holds.</summary>
    string Name { get; }

    /// <summary>The folder under the grader's <c>checks/</c> that holds this track's default assignment.</summary>
    string DefaultAssignment { get; }

    /// <summary>What about a folder says it is written in this track's language ("a .csproj or .cs files").</summary>
    string Signature { get; }

    /// <summary>True when the folder holds files of this track's language.</summary>
    bool Recognises(Submission submission);

    CheckCatalog Catalog();

    /// <summary>
    /// Starts what grading needs that no submission changes (locating the track's tools), so that it runs beside the
    /// sandbox's trial instead of after it; <see cref="GradeAsync"/> then uses it. Tracks without such work do nothing.
    /// </summary>
    void Prepare(AssignmentSpec assignment, GradingOptions options, CancellationToken cancellationToken)
    {
    }

    Task<GradingResult> GradeAsync(AssignmentSpec assignment, Submission submission, GradingOptions options, CancellationToken cancellationToken);
}
