using System.Collections.Immutable;
using Grader.Core.Python.Tools;

namespace Grader.Core.Engine;

/// <summary>How to grade, parsed and validated once by the CLI.</summary>
/// <param name="Tasks">The task numbers to grade; empty means all.</param>
/// <param name="WaiveExecutableBit">Skip PY-CONV-003 for uploads that lose file modes.</param>
/// <param name="Python">The interpreter given with --python, if any.</param>
/// <param name="Seed">Seeds every random value the behaviour scenarios hand to student code; printed in the report.</param>
/// <param name="ScenarioTimeout">Wall-clock limit for one task's behaviour run.</param>
public sealed record GradingOptions(
    ImmutableSortedSet<int> Tasks,
    bool WaiveExecutableBit = false,
    StyleProfile StyleProfile = StyleProfile.Pycodestyle25,
    string? Python = null,
    ClockMode Clock = ClockMode.Virtual,
    int Seed = GradingOptions.DefaultSeed,
    TimeSpan? ScenarioTimeout = null)
{
    public const int DefaultSeed = 1;

    public static readonly GradingOptions Default = new(ImmutableSortedSet<int>.Empty);

    public TimeSpan BehaviourTimeout => ScenarioTimeout ?? TimeSpan.FromSeconds(Clock == ClockMode.Virtual ? 10 : 20);

    public bool Includes(int task) => Tasks.IsEmpty || Tasks.Contains(task);
}
