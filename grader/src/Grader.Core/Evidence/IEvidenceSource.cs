using Grader.Core.Assignment;
using Grader.Core.Engine;
using Grader.Core.Python.Tools;
using Grader.Core.Submissions;

namespace Grader.Core.Evidence;

/// <summary>
/// Evidence an assignment gathers on top of the static facts (its behaviour runs), stored in
/// <see cref="SubmissionEvidence.Extra"/> under <see cref="Key"/>.
/// </summary>
public interface IEvidenceSource
{
    string Key { get; }

    Task<object> CollectAsync(EvidenceRequest request, CancellationToken cancellationToken);
}

/// <summary>What an evidence source gets to work with.</summary>
public sealed record EvidenceRequest(
    AssignmentSpec Assignment,
    Submission Submission,
    ToolEnvironment Tools,
    GradingOptions Options,
    ScratchSpace Scratch);
