using System.Collections.Immutable;
using System.Diagnostics;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Core.Similarity;
using Grader.Core.Submissions;
using Grader.Core.Tests.Support;
using Grader.Python.Similarity;
using Xunit.Abstractions;

namespace Grader.Core.Tests.Similarity;

/// <summary>The real tokens.py on generated submissions: copies must be found, honest look-alikes must not.</summary>
[Collection(GradingCollection.Name)]
public sealed class SimilarityEndToEndTests(GradingFixture fixture, ITestOutputHelper output)
{
    private static readonly SimilaritySettings Settings = SimilaritySettings.Default;

    [Fact]
    public async Task A_disguised_copy_of_the_reference_is_listed_with_a_high_score()
    {
        using var generated = new GeneratedSubmissions();
        var batch = await FingerprintAsync(
            ("original", generated.Create("original", RepositoryPaths.ReferenceSolution)),
            ("copy", generated.Create("copy", RepositoryPaths.ReferenceSolution, GeneratedSubmissions.DisguiseReference)));

        var report = new SimilarityAnalyzer(Settings).Analyze(batch.Submissions, batch.Template);

        var pair = Assert.Single(report.Pairs);
        output.WriteLine($"reference vs disguised copy: score {pair.Score:0.000}, jaccard {pair.Jaccard:0.000}, shared {pair.SharedFingerprints}");
        Assert.Equal(("copy", "original"), (pair.First, pair.Second));
        Assert.True(pair.Score >= 0.9, $"score {pair.Score}");
        Assert.True(pair.SharedFingerprints >= Settings.MinSharedFingerprints);
        // Every task file is matched with itself (in 3-tasks.py, the code around the moved import).
        Assert.Equal(
            ["0-basic_async_syntax.py", "1-concurrent_coroutines.py", "2-measure_runtime.py", "3-tasks.py", "4-tasks.py"],
            pair.Regions.Where(region => region.FirstFile == region.SecondFile).Select(region => region.FirstFile).Distinct());
        Assert.All(pair.Regions, region => Assert.True(region.FirstStart <= region.FirstEnd && region.SecondStart <= region.SecondEnd));
        foreach (var region in pair.Regions)
        {
            output.WriteLine($"  {region.FirstFile}:{region.FirstStart}-{region.FirstEnd} ~ {region.SecondFile}:{region.SecondStart}-{region.SecondEnd}");
        }
    }

    [Fact]
    public async Task A_copy_with_reordered_functions_of_another_solution_is_listed()
    {
        using var generated = new GeneratedSubmissions();
        var batch = await FingerprintAsync(
            ("independent", generated.Create("independent", GeneratedSubmissions.IndependentSolution)),
            ("reordered", generated.Create("reordered", GeneratedSubmissions.IndependentSolution, GeneratedSubmissions.DisguiseIndependent)));

        var pair = Assert.Single(new SimilarityAnalyzer(Settings).Analyze(batch.Submissions, batch.Template).Pairs);

        output.WriteLine($"independent vs reordered copy: score {pair.Score:0.000}, jaccard {pair.Jaccard:0.000}, shared {pair.SharedFingerprints}");
        Assert.True(pair.Score >= 0.9, $"score {pair.Score}");
        // _recorder moved below wait_n: the match in the copy is further down than in the original.
        Assert.Contains(pair.Regions, region => region.FirstFile == "1-concurrent_coroutines.py"
            && region.SecondFile == region.FirstFile && region.SecondStart > region.FirstStart);
    }

    [Fact]
    public async Task Two_independent_correct_solutions_in_different_styles_score_below_the_threshold()
    {
        using var generated = new GeneratedSubmissions();
        var batch = await FingerprintAsync(
            ("reference", generated.Create("reference", RepositoryPaths.ReferenceSolution)),
            ("independent", generated.Create("independent", GeneratedSubmissions.IndependentSolution)));

        var report = new SimilarityAnalyzer(Settings).Analyze(batch.Submissions, batch.Template);
        var score = SimilarityIndex.Build(batch.Submissions, batch.Template, Settings).Compare("reference", "independent");

        output.WriteLine($"reference vs independent: score {score.Score:0.000}, jaccard {score.Jaccard:0.000}, shared {score.SharedFingerprints}");
        Assert.Empty(report.Pairs);
        Assert.True(score.Score < Settings.Threshold, $"score {score.Score}");
    }

    [Fact]
    public async Task Two_submissions_that_are_only_the_template_are_not_a_pair()
    {
        using var generated = new GeneratedSubmissions();
        var batch = await FingerprintAsync(
            ("alice", generated.Create("alice", RepositoryPaths.StudentTemplate)),
            ("bob", generated.Create("bob", RepositoryPaths.StudentTemplate)));

        var index = SimilarityIndex.Build(batch.Submissions, batch.Template, Settings);

        Assert.Empty(new SimilarityAnalyzer(Settings).Analyze(batch.Submissions, batch.Template).Pairs);
        Assert.Equal(0, index.FingerprintCount("alice"));
        Assert.Equal(0, index.Compare("alice", "bob").SharedFingerprints);
        Assert.Empty(batch.Problems);
    }

    [Fact]
    public async Task Without_the_template_subtracted_two_template_copies_would_be_a_pair()
    {
        using var generated = new GeneratedSubmissions();
        var batch = await FingerprintAsync(
            ("alice", generated.Create("alice", RepositoryPaths.StudentTemplate)),
            ("bob", generated.Create("bob", RepositoryPaths.StudentTemplate)));

        var pair = Assert.Single(new SimilarityAnalyzer(Settings).Analyze(batch.Submissions, ImmutableHashSet<ulong>.Empty).Pairs);

        Assert.Equal(1.0, pair.Score);
    }

    [Fact]
    public async Task Two_hundred_submissions_are_fingerprinted_with_one_tokenizer_process()
    {
        using var generated = new GeneratedSubmissions();
        var random = new Random(20240601);
        var folders = Enumerable.Range(0, 200).Select(number =>
        {
            var source = number % 2 == 0 ? RepositoryPaths.ReferenceSolution : GeneratedSubmissions.IndependentSolution;
            var disguise = number % 4 < 2;
            var salt = random.Next(1000, 9999);
            return ($"student-{number:000}", generated.Create(
                $"student-{number:000}",
                source,
                (file, text) => Salted(disguise ? Disguise(source, file, text) : text, salt)));
        }).ToArray();
        var runner = new CountingRunner(fixture.Runner);

        var clock = Stopwatch.StartNew();
        var batch = await FingerprintAsync(runner, folders);
        var fingerprinting = clock.Elapsed;
        clock.Restart();
        var report = new SimilarityAnalyzer(Settings).Analyze(batch.Submissions, batch.Template);
        var analysis = clock.Elapsed;

        output.WriteLine($"200 submissions (1000 files + 5 template files): tokenize and fingerprint {fingerprinting.TotalMilliseconds:0} ms, analysis {analysis.TotalMilliseconds:0} ms, {report.Pairs.Length} pairs listed");
        Assert.Equal(1, runner.Runs);
        Assert.Equal(200, batch.Submissions.Length);
        Assert.All(batch.Submissions, submission => Assert.Equal(5, submission.Files.Length));
        Assert.All(batch.Submissions.SelectMany(submission => submission.Files), file => Assert.NotEmpty(file.Fingerprints));
        Assert.Empty(batch.Problems);
        Assert.True(fingerprinting < TimeSpan.FromSeconds(30), $"fingerprinting took {fingerprinting}");
        // Even students copy the reference, odd ones the independent solution: no pair mixes the two.
        Assert.All(report.Pairs, pair => Assert.Equal(Number(pair.First) % 2, Number(pair.Second) % 2));
        Assert.Equal(2 * (100 * 99 / 2), report.Pairs.Length);
    }

    private static string Disguise(string source, string file, string text) => source == RepositoryPaths.ReferenceSolution
        ? GeneratedSubmissions.DisguiseReference(file, text)
        : GeneratedSubmissions.DisguiseIndependent(file, text);

    private static int Number(string id) => int.Parse(id["student-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    // A comment makes every file's bytes different, as real submissions are.
    private static string Salted(string text, int salt) => text + $"# submission {salt}\n";

    private Task<FingerprintedBatch> FingerprintAsync(params (string Id, string Folder)[] submissions) =>
        FingerprintAsync(fixture.Runner, submissions);

    private async Task<FingerprintedBatch> FingerprintAsync(IProcessRunner runner, (string Id, string Folder)[] submissions)
    {
        var python = fixture.Tools.Analysis ?? throw new InvalidOperationException("no python3");
        using var scratch = ScratchSpace.Create();
        var tokenizer = new PythonSourceTokenizer(new PythonTokenizer(runner), python, Path.Combine(RepositoryPaths.Assignment, PythonTokenizer.Script));
        var run = await new SimilarityRunner(tokenizer, Settings).FingerprintAsync(
            [.. submissions.Select(submission => SimilaritySubmission.From(submission.Id, SubmissionLoader.Load(submission.Folder), fixture.Assignment))],
            SimilaritySubmission.From("template", SubmissionLoader.Load(RepositoryPaths.StudentTemplate), fixture.Assignment),
            scratch,
            CancellationToken.None);
        return run.Value ?? throw new InvalidOperationException(run.Failure);
    }

    private sealed class CountingRunner(IProcessRunner inner) : IProcessRunner
    {
        public int Runs { get; private set; }

        public Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
        {
            Runs++;
            return inner.RunAsync(request, cancellationToken);
        }
    }
}
