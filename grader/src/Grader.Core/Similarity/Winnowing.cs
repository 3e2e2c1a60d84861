using System.Collections.Immutable;

namespace Grader.Core.Similarity;

/// <summary>
/// Robust winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003): in every window of <c>window</c> consecutive
/// k-gram hashes, the minimum is selected. While the previous selection is still in the window and no smaller
/// hash has arrived it stays selected (so a run of equal hashes gives one fingerprint per window, not one per
/// position); when it leaves the window, the rightmost minimum of the new window is taken.
/// Guarantee: any run of at least window + k - 1 tokens shared by two files yields a shared fingerprint.
/// </summary>
internal static class Winnowing
{
    /// <summary>The positions selected, in increasing order, each once.</summary>
    public static ImmutableArray<int> Select(IReadOnlyList<ulong> hashes, int window)
    {
        if (hashes.Count == 0)
        {
            return [];
        }

        var width = Math.Min(window, hashes.Count);
        var selected = ImmutableArray.CreateBuilder<int>();
        var minimum = RightmostMinimum(hashes, 0, width - 1);
        selected.Add(minimum);
        for (var end = width; end < hashes.Count; end++)
        {
            var start = end - width + 1;
            if (minimum < start)
            {
                minimum = RightmostMinimum(hashes, start, end);
                selected.Add(minimum);
            }
            else if (hashes[end] < hashes[minimum])
            {
                minimum = end;
                selected.Add(minimum);
            }
        }

        return selected.ToImmutable();
    }

    private static int RightmostMinimum(IReadOnlyList<ulong> hashes, int start, int end)
    {
        var minimum = end;
        for (var index = end - 1; index >= start; index--)
        {
            if (hashes[index] < hashes[minimum])
            {
                minimum = index;
            }
        }

        return minimum;
    }
}
