using System.Collections.Immutable;

namespace Grader.Core.Similarity;

/// <summary>
/// The pairs of submissions whose code is alike, most alike first, with the parameters used and the caveat a
/// reader must see next to them.
/// </summary>
public sealed record SimilarityReport(ImmutableArray<SimilarityPair> Pairs, SimilaritySettings Settings, string Caveat)
{
    public const string StandardCaveat =
        "These pairs are a prompt for a human look, not a verdict. The exercises of this project are short and have " +
        "one natural solution, so students who never saw each other's code converge on much the same code; a high " +
        "score alone proves nothing. Read the matching regions side by side before drawing any conclusion.";

    /// <summary>The reports of several languages as one: their pairs in one list, most alike first (the analyzer's order).</summary>
    public static SimilarityReport Combine(IReadOnlyList<SimilarityReport> reports) => reports[0] with
    {
        Pairs =
        [
            .. reports.SelectMany(report => report.Pairs)
                .OrderByDescending(pair => pair.Score)
                .ThenBy(pair => pair.First, StringComparer.Ordinal)
                .ThenBy(pair => pair.Second, StringComparer.Ordinal),
        ],
    };
}

/// <summary>Two submissions, ordered by id, and how much of their code (beyond the template) they share.</summary>
/// <param name="Score">
/// Shared fingerprints over those of the smaller submission (the overlap coefficient): code copied and then padded
/// with extra functions, prints or tests still scores high, which Jaccard would dilute.
/// </param>
/// <param name="Jaccard">Shared fingerprints over the union of both: low when one side holds much more code.</param>
/// <param name="Regions">The matching regions, file by file, in the first submission's order.</param>
public sealed record SimilarityPair(
    string First,
    string Second,
    double Score,
    double Jaccard,
    int SharedFingerprints,
    ImmutableArray<MatchRegion> Regions);

/// <summary>A run of lines in the first submission that matches a run of lines in the second (1-based, inclusive).</summary>
public sealed record MatchRegion(string FirstFile, int FirstStart, int FirstEnd, string SecondFile, int SecondStart, int SecondEnd);
