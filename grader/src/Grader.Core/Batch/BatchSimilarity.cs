using System.Collections.Immutable;
using System.Text;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Core.Reporting.Html;
using Grader.Core.Similarity;
using Grader.Core.Submissions;

namespace Grader.Core.Batch;

/// <summary>
/// Compares every graded submission's task files with those of every other submission of the same language (one
/// tokenizer run per language for the whole class), minus what that language's student template already contains;
/// writes one similarity.csv and returns the pairs with their shared code for the HTML report.
/// </summary>
/// <param name="tracks">The languages, most specific first: a submission belongs to the first whose Owns accepts it.</param>
public sealed class BatchSimilarity(IReadOnlyList<SimilarityTrack> tracks)
{
    public async Task<(ImmutableArray<SimilarPair> Pairs, string? Problem)> RunAsync(
        IReadOnlyList<BatchItem> items, string outputFolder, CancellationToken cancellationToken)
    {
        var submissions = new Dictionary<string, Submission>(StringComparer.Ordinal);
        foreach (var item in items.Where(item => item.ProjectFolder is not null))
        {
            try
            {
                submissions[item.StudentId] = SubmissionLoader.Load(item.ProjectFolder!);
            }
            catch (GraderSetupException)
            {
                // Already recorded as ungradable by the grading pass.
            }
        }

        var reports = new List<SimilarityReport>();
        var problems = new List<string>();
        var groups = submissions.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .GroupBy(pair => tracks.First(track => track.Owns(pair.Value)));
        foreach (var group in groups)
        {
            var track = group.Key;
            if (track.Tokenizer is null)
            {
                problems.Add(Labelled(track, track.Missing));
                continue;
            }

            var template = track.TemplateFolder is not null && Directory.Exists(track.TemplateFolder)
                ? SubmissionLoader.Load(track.TemplateFolder)
                : new Submission("template", ImmutableSortedDictionary<string, SubmissionFile>.Empty);
            using var scratch = ScratchSpace.Create();
            var run = await new SimilarityRunner(track.Tokenizer, SimilaritySettings.Default).RunAsync(
                [.. group.Select(pair => SimilaritySubmission.From(pair.Key, pair.Value, track.Assignment))],
                SimilaritySubmission.From("template", template, track.Assignment),
                scratch,
                cancellationToken).ConfigureAwait(false);
            if (run.Value is { } result)
            {
                reports.Add(result.Report);
            }
            else
            {
                problems.Add(Labelled(track, run.Failure ?? "the tokenizer failed"));
            }
        }

        var problem = problems.Count == 0 ? null : string.Join("; ", problems);
        if (reports.Count == 0)
        {
            return ([], problem);
        }

        var combined = SimilarityReport.Combine(reports);
        await SimilarityCsv.WriteAsync(Path.Combine(outputFolder, SimilarityCsv.FileName), combined, cancellationToken).ConfigureAwait(false);
        return ([.. combined.Pairs.Select(pair => ToReport(pair, submissions))], problem);
    }

    // A one-language batch keeps the plain message it always had.
    private string Labelled(SimilarityTrack track, string problem) => tracks.Count == 1 ? problem : $"{track.Name}: {problem}";

    private static SimilarPair ToReport(SimilarityPair pair, IReadOnlyDictionary<string, Submission> submissions) => new(
        pair.First,
        pair.Second,
        pair.Score,
        [
            .. pair.Regions.Select(region => new SharedRegion(
                $"{pair.First}/{region.FirstFile}:{region.FirstStart}-{region.FirstEnd}",
                Lines(submissions, pair.First, region.FirstFile, region.FirstStart, region.FirstEnd),
                $"{pair.Second}/{region.SecondFile}:{region.SecondStart}-{region.SecondEnd}",
                Lines(submissions, pair.Second, region.SecondFile, region.SecondStart, region.SecondEnd))),
        ]);

    private static string Lines(IReadOnlyDictionary<string, Submission> submissions, string id, string file, int start, int end)
    {
        if (!submissions.TryGetValue(id, out var submission) || submission.Find(file) is not { } found)
        {
            return string.Empty;
        }

        var lines = Encoding.UTF8.GetString(found.Content.AsSpan()).Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, start - 1)).Take(Math.Max(0, end - start + 1)).Select(line => line.TrimEnd('\r')));
    }
}
