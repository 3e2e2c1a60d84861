namespace GraderHarness;

/// <summary>One call of the student's code; what its random functions give and how long its delays last is the supervisor's plan.</summary>
internal sealed record Scenario(string Id, string Call, Func<object?> Invoke);
