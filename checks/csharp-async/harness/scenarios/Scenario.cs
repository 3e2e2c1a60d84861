namespace GraderHarness;

/// <summary>One call of the student's code under controlled inputs.</summary>
/// <param name="Planned">The first random fractions handed out, in draw order.</param>
/// <param name="DecoupleScale">In decoupled scenarios, the max delay: a Task.Delay equal to fraction × scale is matched to its draw.</param>
/// <param name="WakePlan">In decoupled scenarios, how long the delay of draw k really lasts.</param>
internal sealed record Scenario(
    string Id,
    string Call,
    Func<object?> Invoke,
    IReadOnlyList<double> Planned,
    double? DecoupleScale = null,
    IReadOnlyList<double>? WakePlan = null);
