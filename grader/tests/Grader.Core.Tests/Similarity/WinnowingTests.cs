using Grader.Core.Similarity;

namespace Grader.Core.Tests.Similarity;

public sealed class WinnowingTests
{
    public static TheoryData<ulong[], int, int[]> Sequences => new()
    {
        // The example of Schleimer, Wilkerson and Aiken (2003), window 4: fingerprints 17 17 8 39 17.
        { [77, 74, 42, 17, 98, 50, 17, 98, 8, 88, 67, 39, 77, 74, 42, 17, 98], 4, [3, 6, 8, 11, 15] },
        // Robust winnowing: a run of equal hashes keeps one selection per window, not one per position.
        { [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 4, [3, 7] },
        // Shorter than the window: one window, its rightmost minimum.
        { [9, 3, 7, 3], 8, [3] },
        { [1], 8, [0] },
        { [], 8, [] },
        // Window 1 keeps every k-gram.
        { [4, 2, 9], 1, [0, 1, 2] },
        // A smaller hash entering the window is selected at once.
        { [9, 8, 7, 6, 5], 3, [2, 3, 4] },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Selects_the_expected_positions(ulong[] hashes, int window, int[] expected) =>
        Assert.Equal(expected, Winnowing.Select(hashes, window));

    [Fact]
    public void Every_window_holds_a_selected_position()
    {
        var random = new Random(7);
        var hashes = Enumerable.Range(0, 500).Select(_ => (ulong)random.Next(0, 40)).ToArray();

        var selected = Winnowing.Select(hashes, 8).ToHashSet();

        for (var start = 0; start + 8 <= hashes.Length; start++)
        {
            Assert.Contains(selected, position => position >= start && position < start + 8);
        }
    }
}
