using System.Collections.Immutable;

namespace Grader.Core.Similarity;

/// <summary>
/// Turns the shared fingerprints of a pair into side-by-side regions: each shared hash pairs its occurrences in
/// the same file when it has any there (a copied wait_n matches wait_n, not the nearly identical task_wait_n),
/// otherwise across files; then overlapping or touching line ranges are merged, on both sides at once.
/// </summary>
internal static class MatchRegions
{
    // A line repeated many times in one file would pair every copy with every copy; a few make the point.
    private const int MaxOccurrencesPerSide = 8;

    public static ImmutableArray<MatchRegion> Build(
        IReadOnlyDictionary<ulong, ImmutableArray<Occurrence>> first,
        IReadOnlyDictionary<ulong, ImmutableArray<Occurrence>> second,
        IEnumerable<ulong> shared)
    {
        var regions = new List<MatchRegion>();
        foreach (var hash in shared)
        {
            var pairs = (from left in first[hash].Take(MaxOccurrencesPerSide)
                         from right in second[hash].Take(MaxOccurrencesPerSide)
                         select (left, right)).ToList();
            var sameFile = pairs.Where(pair => pair.left.File == pair.right.File).ToList();
            regions.AddRange((sameFile.Count > 0 ? sameFile : pairs).Select(pair => new MatchRegion(
                pair.left.File, pair.left.StartLine, pair.left.EndLine, pair.right.File, pair.right.StartLine, pair.right.EndLine)));
        }

        return [.. Merge(regions).OrderBy(region => region.FirstFile, StringComparer.Ordinal)
            .ThenBy(region => region.FirstStart).ThenBy(region => region.FirstEnd)
            .ThenBy(region => region.SecondFile, StringComparer.Ordinal)
            .ThenBy(region => region.SecondStart).ThenBy(region => region.SecondEnd)];
    }

    private static IEnumerable<MatchRegion> Merge(List<MatchRegion> regions) =>
        regions.GroupBy(region => (region.FirstFile, region.SecondFile)).SelectMany(group => MergeGroup([.. group]));

    // One pair of files: merge until nothing touches any more (a merge can make a region reach a third one).
    private static List<MatchRegion> MergeGroup(List<MatchRegion> regions)
    {
        var merged = regions;
        bool changed;
        do
        {
            changed = false;
            var next = new List<MatchRegion>();
            foreach (var region in merged.OrderBy(region => region.FirstStart).ThenBy(region => region.SecondStart))
            {
                var into = next.FindLastIndex(existing => Touch(existing, region));
                if (into < 0)
                {
                    next.Add(region);
                    continue;
                }

                next[into] = Union(next[into], region);
                changed = true;
            }

            merged = next;
        }
        while (changed && merged.Count > 1);

        return merged;
    }

    private static bool Touch(MatchRegion a, MatchRegion b) =>
        a.FirstStart <= b.FirstEnd + 1 && b.FirstStart <= a.FirstEnd + 1
        && a.SecondStart <= b.SecondEnd + 1 && b.SecondStart <= a.SecondEnd + 1;

    private static MatchRegion Union(MatchRegion a, MatchRegion b) => new(
        a.FirstFile,
        Math.Min(a.FirstStart, b.FirstStart),
        Math.Max(a.FirstEnd, b.FirstEnd),
        a.SecondFile,
        Math.Min(a.SecondStart, b.SecondStart),
        Math.Max(a.SecondEnd, b.SecondEnd));
}
