using System.Collections.Immutable;

namespace Grader.Core.Submissions;

/// <summary>A read-only snapshot of one student's folder. Checks read this, never the disk.</summary>
/// <param name="Root">Absolute path of the folder that was read.</param>
/// <param name="Files">Every file read, keyed by its '/'-separated path relative to <paramref name="Root"/>.</param>
public sealed record Submission(string Root, ImmutableSortedDictionary<string, SubmissionFile> Files)
{
    /// <summary>The submission's display name: the folder's name, or the student id a batch gives it.</summary>
    public string Name { get; init; } = System.IO.Path.GetFileName(Root.TrimEnd(System.IO.Path.DirectorySeparatorChar));

    public SubmissionFile? Find(string relativePath) => Files.GetValueOrDefault(relativePath);

    /// <summary>The files whose name ends with <paramref name="extension"/> (".py"), in path order.</summary>
    public IEnumerable<SubmissionFile> FilesEndingWith(string extension) => Files.Values.Where(file => file.Path.EndsWith(extension, StringComparison.Ordinal));
}
