using Grader.Core.Assignment;
using Grader.Core.Engine;
using Grader.Core.Submissions;

namespace Grader.Core.Evidence;

/// <summary>What a track's evidence collector gets to work with for one submission.</summary>
public sealed record EvidenceRequest(
    AssignmentSpec Assignment,
    Submission Submission,
    GradingOptions Options,
    ScratchSpace Scratch);
