using Grader.Core.Assignment;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Core.Submissions;

namespace Grader.Core.Checks;

/// <summary>What a task check may look at: the task, its file (null when missing) and the gathered evidence.</summary>
public sealed record TaskCheckContext(
    AssignmentSpec Assignment,
    TaskSpec Task,
    Submission Submission,
    SubmissionFile? File,
    SubmissionEvidence Evidence,
    GradingOptions Options);

/// <summary>What a project check may look at.</summary>
public sealed record ProjectCheckContext(
    AssignmentSpec Assignment,
    Submission Submission,
    SubmissionEvidence Evidence,
    GradingOptions Options);
