namespace Grader.Core.Similarity;

/// <summary>The parameters of one similarity analysis; they are printed with its report.</summary>
/// <param name="KGramLength">Tokens per k-gram: shorter matches are noise (a call with two arguments is ~6 tokens).</param>
/// <param name="WindowSize">Winnowing window, in k-grams: any match of WindowSize + KGramLength - 1 tokens is seen.</param>
/// <param name="Threshold">The lowest <see cref="SimilarityPair.Score"/> a listed pair has.</param>
/// <param name="MinSharedFingerprints">The fewest shared fingerprints a listed pair has, so two tiny files do not score 1.0.</param>
/// <param name="CommonFingerprintShare">
/// A fingerprint found in more than this share of the submissions is the common idiom of the exercise, not a
/// sign of copying, and is ignored; 1.0 turns this off.
/// </param>
/// <param name="CommonFingerprintMinSubmissions">Below this many submissions a share means nothing: nothing is ignored.</param>
public sealed record SimilaritySettings(
    int KGramLength = 12,
    int WindowSize = 8,
    double Threshold = 0.6,
    int MinSharedFingerprints = 5,
    double CommonFingerprintShare = 0.5,
    int CommonFingerprintMinSubmissions = 10)
{
    public static SimilaritySettings Default { get; } = new();

    /// <summary>What is wrong with these settings, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (KGramLength < 1)
        {
            problems.Add($"the k-gram length must be at least 1 token (got {KGramLength})");
        }

        if (WindowSize < 1)
        {
            problems.Add($"the winnowing window must be at least 1 k-gram (got {WindowSize})");
        }

        if (!(Threshold is >= 0 and <= 1))
        {
            problems.Add($"the threshold must be between 0 and 1 (got {Threshold})");
        }

        if (MinSharedFingerprints < 1)
        {
            problems.Add($"the minimum of shared fingerprints must be at least 1 (got {MinSharedFingerprints})");
        }

        if (!(CommonFingerprintShare is > 0 and <= 1))
        {
            problems.Add($"the common-fingerprint share must be above 0 and at most 1 (got {CommonFingerprintShare})");
        }

        return problems;
    }

    internal void ThrowIfInvalid()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid similarity settings: " + string.Join("; ", problems) + ".");
        }
    }
}
