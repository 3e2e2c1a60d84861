using System.Collections.Immutable;

namespace Grader.Core.Results;

/// <summary>The checks of one numbered task and their total.</summary>
public sealed record TaskResult(int Task, string File, double Score, double MaxScore, ImmutableArray<CheckResult> Checks);
