using System.Collections.Immutable;

namespace Grader.Core.Similarity;

/// <summary>One k-gram of normalised tokens: its stable hash and the source lines it covers.</summary>
public readonly record struct Fingerprint(ulong Hash, int StartLine, int EndLine);

/// <summary>The fingerprints of one file of a submission.</summary>
/// <param name="File">The file's path in the submission, e.g. "1-concurrent_coroutines.py".</param>
public sealed record FileFingerprints(string File, ImmutableArray<Fingerprint> Fingerprints);

/// <summary>The fingerprints of one submission's task files.</summary>
/// <param name="Id">The submission's id (the student id in a batch); unique within one analysis.</param>
public sealed record SubmissionFingerprints(string Id, ImmutableArray<FileFingerprints> Files);
