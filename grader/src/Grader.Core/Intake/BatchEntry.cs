using System.Collections.Immutable;

namespace Grader.Core.Intake;

/// <summary>One student's submission in what an instructor downloaded.</summary>
/// <param name="StudentId">From the entry's name; safe as a file name and a CSV cell, unique within the batch.</param>
/// <param name="SourcePath">Absolute path of the folder, zip or repository.</param>
public sealed record BatchEntry(string StudentId, string SourcePath, EntryKind Kind)
{
    /// <summary>The entry's name as found (folder or file name), for messages.</summary>
    public string Name => Path.GetFileName(SourcePath.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>Things found while listing the entry, e.g. that its id was changed to keep it unique.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];
}

/// <summary>Something in the batch that is not a submission, and why it was left out.</summary>
public sealed record SkippedEntry(string Name, string Reason);

/// <summary>The entries of a batch, in student id order, and what was left out.</summary>
public sealed record BatchScan(ImmutableArray<BatchEntry> Entries, ImmutableArray<SkippedEntry> Skipped, ImmutableArray<string> Notes);
