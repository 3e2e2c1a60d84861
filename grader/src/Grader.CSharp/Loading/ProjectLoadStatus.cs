namespace Grader.CSharp.Loading;

/// <summary>How loading a submission's project with MSBuild went.</summary>
public enum ProjectLoadStatus
{
    /// <summary>A plain project (no package or project references): compiled in-process, no loader ran.</summary>
    NotNeeded,

    /// <summary>Restored and opened; its extra references are known.</summary>
    Loaded,

    /// <summary>The restore or the load reported errors: the student's to fix.</summary>
    Failed,

    /// <summary>The loader was stopped at its time limit.</summary>
    TimedOut,

    /// <summary>The loader ended without a report.</summary>
    Crashed,
}
