using System.Collections.Immutable;
using Grader.Core.Engine;

namespace Grader.Core.Evidence;

/// <summary>
/// Gathers a track's evidence about one submission before any check runs, and says which tools and settings
/// produced it (the report's <c>tools</c> and <c>settings</c>), so a run can be reproduced.
/// </summary>
public interface IEvidenceCollector
{
    Task<SubmissionEvidence> CollectAsync(EvidenceRequest request, CancellationToken cancellationToken);

    ImmutableSortedDictionary<string, string> DescribeTools(SubmissionEvidence evidence);

    ImmutableSortedDictionary<string, string> DescribeSettings(GradingOptions options);
}
