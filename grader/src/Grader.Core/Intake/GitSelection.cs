namespace Grader.Core.Intake;

/// <summary>The commit of a student's repository that is graded, and what came after the deadline.</summary>
/// <param name="Branch">The default branch as people say it: "main", "origin/main", or "HEAD" when detached.</param>
/// <param name="Ref">The full ref that was read: "refs/remotes/origin/main", "refs/heads/main" or "HEAD".</param>
/// <param name="Commit">The full hash of the graded commit.</param>
/// <param name="CommitDate">The graded commit's committer date (set by the student's machine).</param>
/// <param name="CommitsAfterDeadline">Commits on the branch whose committer date is after the deadline; 0 without one.</param>
/// <param name="LatestCommitDate">The newest committer date on the branch (the date of the branch's work, late or not).</param>
public sealed record GitSelection(
    string Branch,
    string Ref,
    string Commit,
    DateTimeOffset CommitDate,
    int CommitsAfterDeadline,
    DateTimeOffset LatestCommitDate)
{
    /// <summary>Work was committed after the deadline. Evidence, not proof: commit dates are written by the student's clock.</summary>
    public bool Late => CommitsAfterDeadline > 0;

    public string ShortCommit => Commit[..Math.Min(12, Commit.Length)];
}
