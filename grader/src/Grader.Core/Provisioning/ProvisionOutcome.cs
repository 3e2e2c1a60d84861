namespace Grader.Core.Provisioning;

/// <summary>What became of one tool the grader made sure of.</summary>
public enum ProvisionStatus
{
    /// <summary>It was already on PATH: nothing was done or said.</summary>
    Present,

    /// <summary>The grader installed it just now.</summary>
    Installed,

    /// <summary>It is missing and the grader may not or cannot install it; <see cref="ProvisionOutcome.Line"/> says what to run.</summary>
    Missing,
}

/// <param name="Line">One line for the user, or null when there is nothing to say.</param>
public sealed record ProvisionOutcome(SystemTool Tool, ProvisionStatus Status, string? Line);
