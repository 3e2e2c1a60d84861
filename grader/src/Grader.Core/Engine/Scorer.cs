using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Core.Engine;

/// <summary>
/// Attaches points to outcomes: full points for a pass, none otherwise. A waived check is worth nothing either
/// way, so waiving never lowers the maximum a student can reach.
/// </summary>
public static class Scorer
{
    public static CheckResult Score(CheckDescriptor descriptor, CheckOutcome outcome, AssignmentSpec assignment, string? file)
    {
        var maxPoints = outcome.Skip == SkipKind.Waived ? 0 : assignment.PointsFor(descriptor.Id);
        var points = outcome.Status == CheckStatus.Passed ? maxPoints : 0;
        var first = outcome.Findings.FirstOrDefault();
        return new CheckResult(
            descriptor.Id,
            descriptor.Title,
            descriptor.Category,
            outcome.Status,
            points,
            maxPoints,
            outcome.Message,
            first?.File ?? file,
            first?.Line,
            CheckDetails.From(outcome.Findings, outcome.Facts),
            assignment.IsHidden(descriptor.Id));
    }
}
