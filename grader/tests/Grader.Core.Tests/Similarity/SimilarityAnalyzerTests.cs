using Grader.Core.Similarity;

namespace Grader.Core.Tests.Similarity;

public sealed class SimilarityAnalyzerTests
{
    private const string File = "1-concurrent_coroutines.py";
    private static readonly SimilarityAnalyzer Analyzer = new(SimilaritySettings.Default);

    [Fact]
    public void Fingerprints_the_template_holds_are_subtracted_before_scoring()
    {
        var template = Range(1, 10);
        var onlyTemplate = new[] { Submission("alice", Range(1, 10)), Submission("bob", Range(1, 10)) };
        var templatePlusCopy = new[] { Submission("alice", [.. Range(1, 10), .. Range(100, 6)]), Submission("bob", [.. Range(1, 10), .. Range(100, 6)]) };

        Assert.Empty(Analyzer.Analyze(onlyTemplate, template).Pairs);
        Assert.Single(Analyzer.Analyze(onlyTemplate, []).Pairs);
        var pair = Assert.Single(Analyzer.Analyze(templatePlusCopy, template).Pairs);
        Assert.Equal((1.0, 6), (pair.Score, pair.SharedFingerprints));
    }

    [Theory]
    [InlineData(6, 0, 14, 1.0, 0.3, true)]    // one side contained in a much larger one: Score high, Jaccard low
    [InlineData(6, 4, 4, 0.6, 6.0 / 14, true)] // exactly the threshold
    [InlineData(6, 6, 6, 0.5, 6.0 / 18, false)]
    [InlineData(4, 0, 0, 1.0, 1.0, false)]    // identical but too little code to say anything
    [InlineData(5, 0, 0, 1.0, 1.0, true)]
    public void Scores_with_the_overlap_coefficient_and_reports_jaccard(
        int shared, int onlyFirst, int onlySecond, double score, double jaccard, bool listed)
    {
        var first = Submission("a", [.. Range(1, shared), .. Range(1000, onlyFirst)]);
        var second = Submission("b", [.. Range(1, shared), .. Range(2000, onlySecond)]);

        var report = Analyzer.Analyze([first, second], []);
        var pair = SimilarityIndex.Build([first, second], [], SimilaritySettings.Default).Compare("b", "a");

        Assert.Equal(("a", "b", shared), (pair.First, pair.Second, pair.SharedFingerprints));
        Assert.Equal(score, pair.Score, 9);
        Assert.Equal(jaccard, pair.Jaccard, 9);
        Assert.Equal(listed, report.Pairs.Length == 1);
    }

    [Fact]
    public void Pairs_are_ordered_by_score_then_ids_and_each_is_ordered_by_id()
    {
        SubmissionFingerprints[] submissions =
        [
            Submission("zed", [.. Range(1, 10), .. Range(50, 10)]),
            Submission("amy", [.. Range(1, 10), .. Range(60, 2)]),
            Submission("bob", [.. Range(1, 10), .. Range(70, 2)]),
            Submission("cat", [.. Range(50, 10), .. Range(80, 2)]),
        ];

        var pairs = Analyzer.Analyze(submissions, []).Pairs;

        Assert.Equal(
            [("amy", "bob", 10.0 / 12), ("amy", "zed", 10.0 / 12), ("bob", "zed", 10.0 / 12), ("cat", "zed", 10.0 / 12)],
            pairs.Select(pair => (pair.First, pair.Second, pair.Score)));
    }

    [Fact]
    public void The_report_does_not_depend_on_the_order_of_its_input()
    {
        var random = new Random(3);
        var submissions = Enumerable.Range(0, 12)
            .Select(number => Submission($"s{number:00}", [.. Range(1, 8), .. Range(100 + (number % 3 * 20), 12), .. Range(1000 + (number * 50), random.Next(0, 6))]))
            .ToList();
        var shuffled = submissions.OrderBy(_ => random.Next())
            .Select(submission => submission with { Files = [.. submission.Files.Select(file => file with { Fingerprints = [.. file.Fingerprints.Reverse()] })] })
            .ToList();
        var settings = SimilaritySettings.Default with { CommonFingerprintShare = 1 };

        var expected = SimilarityCsv.Render(new SimilarityAnalyzer(settings).Analyze(submissions, [5]));

        Assert.Equal(expected, SimilarityCsv.Render(new SimilarityAnalyzer(settings).Analyze(shuffled, [5])));
        Assert.Equal(expected, SimilarityCsv.Render(new SimilarityAnalyzer(settings).Analyze(submissions, [5])));
        Assert.NotEmpty(new SimilarityAnalyzer(settings).Analyze(submissions, [5]).Pairs);
    }

    [Theory]
    [InlineData(12, 0.5, 1)]   // the 30 fingerprints all twelve share are the exercise's idiom: only the real pair is left
    [InlineData(12, 1.0, 66)]  // filter off: every pair shares 30 of 40
    [InlineData(9, 0.5, 36)]   // too few submissions for a share to mean anything
    public void Fingerprints_most_submissions_share_are_ignored_in_a_large_batch(int count, double share, int expectedPairs)
    {
        var submissions = Enumerable.Range(0, count)
            .Select(number => Submission($"s{number:00}", [.. Range(1, 30), .. Range(number < 2 ? 500 : 1000 + (number * 100), 10)]))
            .ToList();
        var settings = SimilaritySettings.Default with { CommonFingerprintShare = share };

        var report = new SimilarityAnalyzer(settings).Analyze(submissions, []);

        Assert.Equal(expectedPairs, report.Pairs.Length);
        Assert.Contains(report.Pairs, pair => (pair.First, pair.Second) == ("s00", "s01"));
        Assert.Equal(share < 1 && count >= 10 ? 30 : 0, SimilarityIndex.Build(submissions, [], settings).IgnoredAsCommon);
    }

    [Fact]
    public void Regions_are_merged_line_ranges_side_by_side()
    {
        var first = Submission("a", Range(1, 10), firstLine: 1);
        var second = Submission("b", [.. Range(900, 3), .. Range(1, 10)], firstLine: 20);

        var pair = Assert.Single(Analyzer.Analyze([first, second], []).Pairs);

        Assert.Equal<MatchRegion>([new MatchRegion(File, 1, 10, File, 23, 32)], pair.Regions);
    }

    [Fact]
    public void A_shared_fingerprint_is_matched_within_the_same_file_when_it_can_be()
    {
        var first = new SubmissionFingerprints("a", [Fingerprints("1.py", 1, Range(1, 6)), Fingerprints("4.py", 1, Range(1, 6)), Fingerprints("0.py", 1, Range(50, 6))]);
        var second = new SubmissionFingerprints("b", [Fingerprints("1.py", 7, Range(1, 6)), Fingerprints("4.py", 9, Range(1, 6)), Fingerprints("2.py", 3, Range(50, 6))]);

        var pair = Assert.Single(Analyzer.Analyze([first, second], []).Pairs);

        Assert.Equal<MatchRegion>(
            [new MatchRegion("0.py", 1, 6, "2.py", 3, 8), new MatchRegion("1.py", 1, 6, "1.py", 7, 12), new MatchRegion("4.py", 1, 6, "4.py", 9, 14)],
            pair.Regions);
    }

    [Fact]
    public void The_report_carries_its_settings_and_the_caveat()
    {
        var report = Analyzer.Analyze([], []);

        Assert.Empty(report.Pairs);
        Assert.Equal(SimilaritySettings.Default, report.Settings);
        Assert.Contains("not a verdict", report.Caveat, StringComparison.Ordinal);
        Assert.Contains("converge", report.Caveat, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_must_be_unique_and_known()
    {
        var index = SimilarityIndex.Build([Submission("a", Range(1, 5))], [], SimilaritySettings.Default);

        Assert.Throws<ArgumentException>(() => Analyzer.Analyze([Submission("a", Range(1, 5)), Submission("a", Range(1, 5))], []));
        Assert.Throws<ArgumentException>(() => index.Compare("a", "nobody"));
    }

    private static ulong[] Range(int start, int count) => [.. Enumerable.Range(start, count).Select(value => (ulong)value)];

    private static SubmissionFingerprints Submission(string id, ulong[] hashes, int firstLine = 1) =>
        new(id, [Fingerprints(File, firstLine, hashes)]);

    // One fingerprint per line, so consecutive fingerprints touch and merge into one region.
    private static FileFingerprints Fingerprints(string file, int firstLine, ulong[] hashes) =>
        new(file, [.. hashes.Select((hash, index) => new Fingerprint(hash, firstLine + index, firstLine + index))]);
}
