using System.Collections.Immutable;

namespace Grader.Core.Results;

/// <summary>Structured evidence behind a check's message.</summary>
/// <param name="Findings">Every located problem, sorted by file, line and column.</param>
/// <param name="Facts">Named observations (expected and actual values, tool versions), sorted by key.</param>
public sealed record CheckDetails(ImmutableArray<Finding> Findings, ImmutableSortedDictionary<string, string> Facts)
{
    public static CheckDetails? From(ImmutableArray<Finding> findings, ImmutableSortedDictionary<string, string>? facts)
    {
        var sortedFacts = facts ?? ImmutableSortedDictionary<string, string>.Empty;
        return findings.IsDefaultOrEmpty && sortedFacts.IsEmpty
            ? null
            : new CheckDetails(findings.IsDefault ? [] : findings, sortedFacts);
    }
}
