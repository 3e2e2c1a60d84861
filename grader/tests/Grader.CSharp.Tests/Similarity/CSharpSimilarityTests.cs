using System.Collections.Immutable;
using System.Text;
using Grader.Core.Evidence;
using Grader.Core.Similarity;
using Grader.Core.Submissions;
using Grader.CSharp.Similarity;
using Grader.CSharp.Tests.Support;
using Xunit.Abstractions;

namespace Grader.CSharp.Tests.Similarity;

/// <summary>
/// Similarity for C# submissions: Roslyn's tokens normalised like tokens.py's, then the same fingerprints and
/// analysis as for Python. A copy with renamed names, another layout and comments must be found; an independent
/// solution written in another style must not.
/// </summary>
[Collection(CSharpGradingCollection.Name)]
public sealed class CSharpSimilarityTests(CSharpGradingFixture fixture, ITestOutputHelper output)
{
    private static readonly SimilaritySettings Settings = SimilaritySettings.Default;

    // The same five tasks as the reference, written another way: a Random of its own and milliseconds, a WhenAny
    // loop, a for loop, DateTime-free timing through Stopwatch.GetTimestamp, a lambda-bodied TaskWaitRandom.
    private static readonly ImmutableSortedDictionary<string, string> Independent = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
    {
        ["BasicAsyncSyntax.cs"] = """
            namespace AsyncBasics;

            /// <summary>Task 0.</summary>
            public static class BasicAsyncSyntax
            {
                private static readonly Random Source = new();

                /// <summary>Sleeps for a random time.</summary>
                public static async Task<double> WaitRandom(int maxDelay = 10)
                {
                    double seconds = Source.NextDouble() * maxDelay;
                    int milliseconds = (int)Math.Round(seconds * 1000);
                    await Task.Delay(milliseconds);
                    return seconds;
                }
            }

            """,
        ["ConcurrentCoroutines.cs"] = """
            namespace AsyncBasics;

            /// <summary>Task 1.</summary>
            public static class ConcurrentCoroutines
            {
                /// <summary>Many waits at once.</summary>
                public static async Task<List<double>> WaitN(int n, int maxDelay)
                {
                    var pending = new HashSet<Task<double>>();
                    for (int i = 0; i < n; ++i)
                    {
                        pending.Add(BasicAsyncSyntax.WaitRandom(maxDelay));
                    }

                    List<double> ordered = [];
                    while (pending.Count > 0)
                    {
                        Task<double> first = await Task.WhenAny(pending);
                        pending.Remove(first);
                        ordered.Add(first.Result);
                    }

                    return ordered;
                }
            }

            """,
        ["MeasureRuntime.cs"] = """
            using System.Diagnostics;

            namespace AsyncBasics;

            /// <summary>Task 2.</summary>
            public static class MeasureRuntime
            {
                /// <summary>Average time per wait.</summary>
                public static double MeasureTime(int n, int maxDelay)
                {
                    long start = Stopwatch.GetTimestamp();
                    Task<List<double>> run = ConcurrentCoroutines.WaitN(n, maxDelay);
                    run.Wait();
                    TimeSpan took = Stopwatch.GetElapsedTime(start);
                    return took.TotalSeconds / n;
                }
            }

            """,
        ["Tasks.cs"] = """
            namespace AsyncBasics;

            /// <summary>Task 3.</summary>
            public static partial class Tasks
            {
                /// <summary>A started wait.</summary>
                public static Task<double> TaskWaitRandom(int maxDelay) => BasicAsyncSyntax.WaitRandom(maxDelay);
            }

            """,
        ["Tasks.WaitN.cs"] = """
            namespace AsyncBasics;

            /// <summary>Task 4.</summary>
            public static partial class Tasks
            {
                /// <summary>Many started waits.</summary>
                public static async Task<List<double>> TaskWaitN(int n, int maxDelay)
                {
                    var running = new List<Task<double>>();
                    for (int i = 0; i < n; ++i)
                    {
                        running.Add(TaskWaitRandom(maxDelay));
                    }

                    var result = new List<double>();
                    while (running.Count != 0)
                    {
                        var done = await Task.WhenAny(running);
                        running.Remove(done);
                        result.Add(await done);
                    }

                    return result;
                }
            }

            """,
    });

    [Fact]
    public void Names_strings_and_numbers_are_normalised_and_comments_vanish()
    {
        const string source = "/// <summary>Doc.</summary>\nvar total = count + 42; // note\nvar text = $\"{total} s\" + \"x\";\nawait Task.Delay(1.5);\n";

        var file = CSharpSourceTokenizer.Tokenize([.. Encoding.UTF8.GetBytes(source)]);

        Assert.Null(file.Error);
        Assert.Equal(
            "2:var 2:N 2:= 2:N 2:+ 2:0 2:; 3:var 3:N 3:= 3:S 3:+ 3:S 3:; 4:await 4:N 4:. 4:N 4:( 4:0 4:) 4:;",
            string.Join(' ', file.Tokens.Select(token => $"{token.Line}:{token.Text}")));
    }

    [Fact]
    public async Task A_disguised_copy_of_the_reference_is_listed_with_a_high_score()
    {
        var reference = Read(RepositoryPaths.ReferenceSolution);
        var batch = await FingerprintAsync(("original", reference), ("copy", reference.ToImmutableSortedDictionary(pair => pair.Key, pair => Disguise(pair.Value), StringComparer.Ordinal)));

        var pair = Assert.Single(new SimilarityAnalyzer(Settings).Analyze(batch.Submissions, batch.Template).Pairs);

        output.WriteLine($"reference vs disguised copy: score {pair.Score:0.000}, jaccard {pair.Jaccard:0.000}, shared {pair.SharedFingerprints}");
        Assert.True(pair.Score >= 0.9, $"score {pair.Score}");
        Assert.Contains(pair.Regions, region => region.FirstFile == "ConcurrentCoroutines.cs" && region.SecondFile == "ConcurrentCoroutines.cs");
    }

    [Fact]
    public async Task An_independent_solution_in_another_style_scores_below_the_threshold()
    {
        var batch = await FingerprintAsync(("reference", Read(RepositoryPaths.ReferenceSolution)), ("independent", Independent));

        var report = new SimilarityAnalyzer(Settings).Analyze(batch.Submissions, batch.Template);
        var score = SimilarityIndex.Build(batch.Submissions, batch.Template, Settings).Compare("independent", "reference");

        output.WriteLine($"reference vs independent: score {score.Score:0.000}, jaccard {score.Jaccard:0.000}, shared {score.SharedFingerprints}");
        Assert.Empty(report.Pairs);
        Assert.True(score.Score < Settings.Threshold, $"score {score.Score}");
    }

    [Fact]
    public async Task Two_copies_of_the_template_share_nothing_once_the_template_is_subtracted()
    {
        var template = Read(RepositoryPaths.StudentTemplate);
        var batch = await FingerprintAsync(("alice", template), ("bob", template));

        Assert.Empty(new SimilarityAnalyzer(Settings).Analyze(batch.Submissions, batch.Template).Pairs);
        Assert.Equal(0, SimilarityIndex.Build(batch.Submissions, batch.Template, Settings).FingerprintCount("alice"));
    }

    // Other names, another layout, comments: what a student hiding a copy would change.
    private static string Disguise(string text) => text
        .Replace("waits", "jobs", StringComparison.Ordinal)
        .Replace("delays", "collected", StringComparison.Ordinal)
        .Replace("finished", "completedJob", StringComparison.Ordinal)
        .Replace("var delay ", "var pause ", StringComparison.Ordinal)
        .Replace("(delay)", "(pause)", StringComparison.Ordinal)
        .Replace("return delay;", "return pause; // the wait", StringComparison.Ordinal)
        .Replace("stopwatch", "timer", StringComparison.Ordinal)
        .Replace("tasks", "started", StringComparison.Ordinal)
        .Replace("    {\n        var", "    {\n        // my own code\n        var", StringComparison.Ordinal)
        .Replace("\n\n        return", "\n        return", StringComparison.Ordinal);

    private static ImmutableSortedDictionary<string, string> Read(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs").ToImmutableSortedDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);

    private async Task<FingerprintedBatch> FingerprintAsync(params (string Id, ImmutableSortedDictionary<string, string> Files)[] submissions)
    {
        using var scratch = ScratchSpace.Create();
        var assignment = fixture.Assignment;
        var run = await new SimilarityRunner(new CSharpSourceTokenizer(), Settings).FingerprintAsync(
            [.. submissions.Select(submission => SimilaritySubmission.From(submission.Id, Submission(submission.Id, submission.Files), assignment))],
            SimilaritySubmission.From("template", Submission("template", Read(RepositoryPaths.StudentTemplate)), assignment),
            scratch,
            CancellationToken.None);
        return run.Value ?? throw new InvalidOperationException(run.Failure);
    }

    private static Submission Submission(string id, ImmutableSortedDictionary<string, string> files) => new(
        id,
        files.ToImmutableSortedDictionary(pair => pair.Key, pair => new SubmissionFile(pair.Key, [.. Encoding.UTF8.GetBytes(pair.Value)], false), StringComparer.Ordinal));
}
