using System.Collections.Immutable;

namespace Grader.Core.Intake;

/// <summary>One entry of a batch after intake: the folder to grade, or why it cannot be graded.</summary>
/// <param name="ProjectFolder">Absolute path of the folder that holds the task files; null when <paramref name="Ungradable"/> says why.</param>
/// <param name="Ungradable">One line for the gradebook, e.g. "no project folder found: ..." or "'bob.zip' is not a valid zip archive: ...".</param>
/// <param name="Late">Git only: commits dated after the deadline exist on the graded branch (evidence, not proof).</param>
/// <param name="Commit">Git only: the full hash of the graded commit.</param>
/// <param name="Notes">What an instructor should know: the commit graded, lateness, ambiguity, entries skipped.</param>
public sealed record IntakeResult(
    string StudentId,
    string? ProjectFolder,
    string? Ungradable,
    bool Late,
    string? Commit,
    ImmutableArray<string> Notes)
{
    public bool Gradable => ProjectFolder is not null;
}
