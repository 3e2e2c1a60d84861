using Grader.Core.Evidence;

namespace Grader.CSharp.Evidence;

/// <summary>
/// Evidence an assignment gathers from a C# submission after it was compiled (its behaviour runs), stored in
/// SubmissionEvidence.Items under <see cref="Key"/>.
/// </summary>
public interface ICSharpEvidenceSource
{
    string Key { get; }

    Task<object> CollectAsync(CSharpEvidence compiled, EvidenceRequest request, CancellationToken cancellationToken);
}
