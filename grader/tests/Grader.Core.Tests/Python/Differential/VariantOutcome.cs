using System.Collections.Immutable;

namespace Grader.Core.Tests.Python.Differential;

/// <summary>One way the real run differed from the grader's observation.</summary>
internal sealed record Disagreement(string Variant, string Python, int Task, string Scenario, string What, string Grader, string Real);

/// <summary>What one variant gave under every interpreter: scenarios compared, skipped (and why), disagreements, retries.</summary>
internal sealed record VariantOutcome(
    DifferentialVariant Variant,
    int Compared,
    ImmutableArray<string> Skipped,
    ImmutableArray<Disagreement> Disagreements,
    ImmutableArray<Disagreement> Inconclusive,
    ImmutableArray<string> Retried,
    ImmutableArray<string> Notes);
