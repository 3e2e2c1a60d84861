using System.Collections.Immutable;

namespace Grader.Core.Batch;

/// <summary>One student's entry of a batch, after intake: where its project folder is, or why it cannot be graded.</summary>
/// <param name="StudentId">From the folder, zip or repository name; safe as a file name and a CSV cell.</param>
/// <param name="ProjectFolder">The folder that holds the task files, or null when <paramref name="Ungradable"/> says why not.</param>
/// <param name="Late">For git repositories with a deadline: work was committed after it.</param>
/// <param name="Notes">Things an instructor should know (ambiguous folders, the commit graded).</param>
public sealed record BatchItem(
    string StudentId,
    string? ProjectFolder,
    string? Ungradable,
    bool Late,
    ImmutableArray<string> Notes);
