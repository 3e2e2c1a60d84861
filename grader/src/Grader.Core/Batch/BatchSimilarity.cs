using System.Collections.Immutable;
using System.Text;
using Grader.Core.Assignment;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Core.Python.Tools;
using Grader.Core.Reporting.Html;
using Grader.Core.Similarity;
using Grader.Core.Submissions;

namespace Grader.Core.Batch;

/// <summary>
/// Compares every graded submission's task files with every other's (one tokenizer process for the whole class),
/// minus what the student template already contains; writes similarity.csv and returns the pairs with their
/// shared code for the HTML report.
/// </summary>
public sealed class BatchSimilarity(IProcessRunner runner, AssignmentSpec assignment)
{
    public async Task<(ImmutableArray<SimilarPair> Pairs, string? Problem)> RunAsync(
        PythonInterpreter? python, IReadOnlyList<BatchItem> items, string? templateFolder, string outputFolder, CancellationToken cancellationToken)
    {
        if (python is null)
        {
            return ([], "no Python interpreter was found to tokenize the code");
        }

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

        var template = templateFolder is not null && Directory.Exists(templateFolder)
            ? SubmissionLoader.Load(templateFolder)
            : new Submission("template", ImmutableSortedDictionary<string, SubmissionFile>.Empty);
        using var scratch = ScratchSpace.Create();
        var run = await new SimilarityRunner(new PythonTokenizer(runner), SimilaritySettings.Default).RunAsync(
            python,
            Path.Combine(assignment.Directory, PythonTokenizer.Script),
            [.. submissions.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => SimilaritySubmission.From(pair.Key, pair.Value, assignment))],
            SimilaritySubmission.From("template", template, assignment),
            scratch,
            cancellationToken).ConfigureAwait(false);
        if (run.Value is not { } result)
        {
            return ([], run.Failure);
        }

        await SimilarityCsv.WriteAsync(Path.Combine(outputFolder, SimilarityCsv.FileName), result.Report, cancellationToken).ConfigureAwait(false);
        return ([.. result.Report.Pairs.Select(pair => ToReport(pair, submissions))], null);
    }

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
