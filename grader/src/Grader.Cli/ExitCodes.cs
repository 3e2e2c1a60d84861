namespace Grader.Cli;

/// <summary>The CLI's exit codes; scripts and CI rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>Every check passed.</summary>
    public const int AllPassed = 0;

    /// <summary>Grading ran and at least one check did not pass.</summary>
    public const int ChecksFailed = 1;

    /// <summary>The submission could not be graded at all (bad path, bad option, broken install).</summary>
    public const int CannotGrade = 2;

    /// <summary>Stopped by Ctrl-C; what was finished is kept.</summary>
    public const int Interrupted = 130;
}
