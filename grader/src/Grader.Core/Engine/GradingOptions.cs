using System.Collections.Immutable;
using Grader.Core.Sandbox;
using Grader.Core.Supervision;

namespace Grader.Core.Engine;

/// <summary>How to grade, parsed and validated once by the CLI.</summary>
/// <param name="Tasks">The task numbers to grade; empty means all.</param>
/// <param name="WaiveExecutableBit">Skip the executable-bit check for uploads that lose file modes.</param>
/// <param name="Seed">Seeds every random value the behaviour scenarios hand to student code; printed in the report.</param>
/// <param name="ScenarioTimeout">Wall-clock limit for one task's behaviour run.</param>
public sealed record GradingOptions(
    ImmutableSortedSet<int> Tasks,
    bool WaiveExecutableBit = false,
    ClockMode Clock = ClockMode.Virtual,
    int Seed = GradingOptions.DefaultSeed,
    TimeSpan? ScenarioTimeout = null)
{
    public const int DefaultSeed = 1;

    public static readonly GradingOptions Default = new(ImmutableSortedSet<int>.Empty);

    /// <summary>
    /// Options only one track reads (the Python track's interpreter and style profile), one record per track: the
    /// engine passes them on untouched, so a new track's options need no change here.
    /// </summary>
    public ImmutableArray<object> TrackOptions { get; init; } = [];

    /// <summary>How every child that runs student code is isolated (the CLI prepares it once; see <see cref="SandboxPreparation"/>).</summary>
    public ChildSandbox Sandbox { get; init; } = ChildSandbox.Unconfined;

    /// <summary>Where the behaviour runs' supervisors add what they cost, when the caller measures it (GRADER_TIMINGS=1).</summary>
    public SupervisionMeter? SupervisionMeter { get; init; }

    public TimeSpan BehaviourTimeout => ScenarioTimeout ?? TimeSpan.FromSeconds(Clock == ClockMode.Virtual ? 10 : 20);

    public bool Includes(int task) => Tasks.IsEmpty || Tasks.Contains(task);

    /// <summary>The track's options record, or <paramref name="fallback"/> when none was given.</summary>
    public T TrackOption<T>(T fallback)
        where T : class => TrackOptions.OfType<T>().FirstOrDefault() ?? fallback;

    /// <summary>These options with <paramref name="option"/> in place of any earlier record of its type.</summary>
    public GradingOptions WithTrackOption<T>(T option)
        where T : class => this with { TrackOptions = [.. TrackOptions.Where(existing => existing is not T), option] };
}
