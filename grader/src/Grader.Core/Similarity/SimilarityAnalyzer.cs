namespace Grader.Core.Similarity;

/// <summary>
/// Lists the pairs of submissions whose code, beyond the template and the exercise's common idiom, is alike:
/// Score at or above the threshold and enough shared fingerprints; most alike first, then by ids.
/// </summary>
public sealed class SimilarityAnalyzer
{
    private readonly SimilaritySettings settings;

    public SimilarityAnalyzer(SimilaritySettings settings)
    {
        settings.ThrowIfInvalid();
        this.settings = settings;
    }

    /// <param name="templateHashes">Every k-gram hash of the template (<see cref="Fingerprinter.KGrams"/>).</param>
    public SimilarityReport Analyze(IReadOnlyList<SubmissionFingerprints> submissions, IEnumerable<ulong> templateHashes)
    {
        var index = SimilarityIndex.Build(submissions, templateHashes, settings);
        var pairs = index.CandidatePairs(settings.MinSharedFingerprints)
            .Select(pair => index.Compare(pair.First, pair.Second))
            .Where(pair => pair.Score >= settings.Threshold)
            .OrderByDescending(pair => pair.Score)
            .ThenBy(pair => pair.First, StringComparer.Ordinal)
            .ThenBy(pair => pair.Second, StringComparer.Ordinal);
        return new SimilarityReport([.. pairs], settings, SimilarityReport.StandardCaveat);
    }
}
