using Grader.Core.Similarity;

namespace Grader.Core.Tests.Similarity;

public sealed class FingerprinterTests
{
    private static readonly Fingerprinter Default = new(SimilaritySettings.Default);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(11, 0)]
    [InlineData(12, 1)]
    [InlineData(30, 19)]
    public void Makes_one_k_gram_per_start_position(int tokens, int expected) =>
        Assert.Equal(expected, Default.KGrams(Tokens(tokens)).Length);

    [Fact]
    public void A_k_gram_covers_the_lines_of_its_first_and_last_token()
    {
        var tokens = Tokens(15, line: index => 1 + (index / 3));

        var kGrams = Default.KGrams(tokens);

        Assert.Equal([(1, 4), (1, 5), (1, 5), (2, 5)], kGrams.Select(kGram => (kGram.StartLine, kGram.EndLine)));
    }

    [Fact]
    public void The_hash_is_stable_across_processes_and_versions()
    {
        // FNV-1a over UTF-16 code units (low byte, high byte) with a U+FFFF separator, computed independently in
        // Python; changing the hash invalidates every stored fingerprint.
        SourceToken[] tokens = [new(1, "async"), new(1, "def"), new(1, "N")];

        Assert.Equal(0xB7BF_E5F4_5A5B_BF90UL, TokenHashFor(tokens));
        Assert.NotEqual(TokenHashFor([new(1, "ab"), new(1, "c")]), TokenHashFor([new(1, "a"), new(1, "bc")]));
    }

    [Fact]
    public void The_same_tokens_on_other_lines_give_the_same_hashes()
    {
        var here = Default.Fingerprint(Tokens(40));
        var there = Default.Fingerprint(Tokens(40, line: index => 100 + index));

        Assert.Equal(here.Select(fingerprint => fingerprint.Hash), there.Select(fingerprint => fingerprint.Hash));
        Assert.Equal<Fingerprint>(here, new Fingerprinter(SimilaritySettings.Default).Fingerprint(Tokens(40)));
    }

    [Fact]
    public void A_shared_run_of_window_plus_k_minus_one_tokens_always_gives_a_shared_fingerprint()
    {
        var random = new Random(11);
        string[] vocabulary = ["N", "(", ")", ",", "=", ";", ".", "0", "S", "await", "for", "in", "{", "}"];
        for (var trial = 0; trial < 200; trial++)
        {
            var shared = Words(random, vocabulary, 8 + 12 - 1);
            var first = Words(random, vocabulary, random.Next(0, 30)).Concat(shared).Concat(Words(random, vocabulary, random.Next(0, 30)));
            var second = Words(random, vocabulary, random.Next(0, 30)).Concat(shared).Concat(Words(random, vocabulary, random.Next(0, 30)));

            var common = Default.Fingerprint(AsTokens(first)).Select(fingerprint => fingerprint.Hash)
                .Intersect(Default.Fingerprint(AsTokens(second)).Select(fingerprint => fingerprint.Hash));

            Assert.NotEmpty(common);
        }
    }

    [Fact]
    public void Invalid_settings_are_refused_with_every_reason()
    {
        var settings = SimilaritySettings.Default with { KGramLength = 0, WindowSize = 0, Threshold = 1.5 };

        var exception = Assert.Throws<ArgumentException>(() => new Fingerprinter(settings));

        Assert.Equal(3, settings.Problems().Count);
        Assert.Contains("k-gram", exception.Message, StringComparison.Ordinal);
        Assert.Contains("threshold", exception.Message, StringComparison.Ordinal);
        Assert.Empty(SimilaritySettings.Default.Problems());
    }

    private static ulong TokenHashFor(SourceToken[] tokens) => TokenHash.Of(tokens, 0, tokens.Length);

    private static SourceToken[] Tokens(int count, Func<int, int>? line = null) =>
        [.. Enumerable.Range(0, count).Select(index => new SourceToken(line?.Invoke(index) ?? 1, $"t{index % 17}"))];

    private static IEnumerable<string> Words(Random random, string[] vocabulary, int count) =>
        Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToList();

    private static SourceToken[] AsTokens(IEnumerable<string> words) => [.. words.Select(word => new SourceToken(1, word))];
}
