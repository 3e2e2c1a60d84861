using Grader.Core.Evidence;
using Grader.Python.Tools;

namespace Grader.Python.Evidence;

/// <summary>
/// Evidence an assignment gathers on top of the static facts (its behaviour runs), with the Python tools of the
/// run; stored in <see cref="SubmissionEvidence.Items"/> under <see cref="Key"/>.
/// </summary>
public interface IPythonEvidenceSource
{
    string Key { get; }

    Task<object> CollectAsync(EvidenceRequest request, ToolEnvironment tools, CancellationToken cancellationToken);

    /// <summary>Called once the track begins, before it looks for its tools: a chance to get ready off the critical path.</summary>
    void WarmUp()
    {
    }
}
