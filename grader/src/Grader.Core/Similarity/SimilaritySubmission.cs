using System.Collections.Immutable;
using Grader.Core.Assignment;
using Grader.Core.Submissions;

namespace Grader.Core.Similarity;

/// <summary>The task files of one submission (or of the student template) that the similarity analysis reads.</summary>
public sealed record SimilaritySubmission(string Id, ImmutableArray<SubmissionFile> Files)
{
    /// <summary>Only the assignment's task files: a README, mains or tests would only add shared noise.</summary>
    public static SimilaritySubmission From(string id, Submission submission, AssignmentSpec assignment) =>
        new(id, [.. assignment.Tasks.Select(task => submission.Find(task.File)).OfType<SubmissionFile>()]);
}

/// <summary>Every submission's fingerprints, the template's k-grams, and the files the tokenizer could not read whole.</summary>
/// <param name="Problems">"id/file: message" for each file the tokenizer stopped early in (its first tokens still count).</param>
public sealed record FingerprintedBatch(
    ImmutableArray<SubmissionFingerprints> Submissions,
    ImmutableHashSet<ulong> Template,
    ImmutableArray<string> Problems);

/// <summary>A similarity report and the tokenizer's problems, to be shown with it.</summary>
public sealed record SimilarityRun(SimilarityReport Report, ImmutableArray<string> Problems);
