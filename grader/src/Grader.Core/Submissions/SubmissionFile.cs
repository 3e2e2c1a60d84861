using System.Collections.Immutable;

namespace Grader.Core.Submissions;

/// <summary>One file of a submission as it was read: its bytes and whether its owner may execute it.</summary>
/// <param name="Path">Path relative to the submission root, with '/' separators.</param>
public sealed record SubmissionFile(string Path, ImmutableArray<byte> Content, bool IsExecutable)
{
    public bool IsEmpty => Content.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');
}
