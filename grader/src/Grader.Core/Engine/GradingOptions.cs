using System.Collections.Immutable;
using Grader.Core.Python.Tools;

namespace Grader.Core.Engine;

/// <summary>How to grade, parsed and validated once by the CLI.</summary>
/// <param name="Tasks">The task numbers to grade; empty means all.</param>
/// <param name="WaiveExecutableBit">Skip PY-CONV-003 for uploads that lose file modes.</param>
/// <param name="Python">The interpreter given with --python, if any.</param>
public sealed record GradingOptions(
    ImmutableSortedSet<int> Tasks,
    bool WaiveExecutableBit = false,
    StyleProfile StyleProfile = StyleProfile.Pycodestyle25,
    string? Python = null)
{
    public static readonly GradingOptions Default = new(ImmutableSortedSet<int>.Empty);

    public bool Includes(int task) => Tasks.IsEmpty || Tasks.Contains(task);
}
