namespace Grader.Core.Engine;

/// <summary>How behaviour scenarios keep time.</summary>
public enum ClockMode
{
    /// <summary>Sleeps complete at once while the loop's clock and the time module advance as if they had been real.</summary>
    Virtual,

    /// <summary>Real sleeps, scaled down, for fidelity and as a cross-check of the virtual clock.</summary>
    Real,
}
