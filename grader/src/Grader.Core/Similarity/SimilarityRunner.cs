using System.Globalization;
using Grader.Core.Evidence;

namespace Grader.Core.Similarity;

/// <summary>
/// The whole pipeline for a batch of one language: one tokenizer run for every task file of every submission and
/// of the template, fingerprints, then the analysis.
/// </summary>
public sealed class SimilarityRunner(ISourceTokenizer tokenizer, SimilaritySettings settings)
{
    private const string TemplateKey = "t";

    public async Task<ToolRun<SimilarityRun>> RunAsync(
        IReadOnlyList<SimilaritySubmission> submissions,
        SimilaritySubmission template,
        ScratchSpace scratch,
        CancellationToken cancellationToken)
    {
        var batch = await FingerprintAsync(submissions, template, scratch, cancellationToken).ConfigureAwait(false);
        return batch.Value is null
            ? ToolRun<SimilarityRun>.Failed(batch.Failure ?? "the tokenizer failed")
            : ToolRun<SimilarityRun>.Of(new SimilarityRun(
                new SimilarityAnalyzer(settings).Analyze(batch.Value.Submissions, batch.Value.Template),
                batch.Value.Problems));
    }

    public async Task<ToolRun<FingerprintedBatch>> FingerprintAsync(
        IReadOnlyList<SimilaritySubmission> submissions,
        SimilaritySubmission template,
        ScratchSpace scratch,
        CancellationToken cancellationToken)
    {
        var fingerprinter = new Fingerprinter(settings);
        var inputs = submissions.SelectMany((submission, index) => Inputs(Key(index), submission))
            .Concat(Inputs(TemplateKey, template))
            .ToList();
        var tokens = await tokenizer.TokenizeAsync(inputs, scratch, cancellationToken).ConfigureAwait(false);
        if (tokens.Value is null)
        {
            return ToolRun<FingerprintedBatch>.Failed(tokens.Failure ?? "the tokenizer failed");
        }

        var files = tokens.Value.Files;
        var fingerprints = submissions.Select((submission, index) => new SubmissionFingerprints(
            submission.Id,
            [.. submission.Files.Select((file, number) => new FileFingerprints(
                file.Path, fingerprinter.Fingerprint(files[FileKey(Key(index), number)].Tokens)))]));
        var templateHashes = template.Files
            .SelectMany((_, number) => fingerprinter.KGrams(files[FileKey(TemplateKey, number)].Tokens))
            .Select(kGram => kGram.Hash);
        var problems = submissions.Select((submission, index) => (Submission: submission, Key: Key(index)))
            .Append((Submission: template, Key: TemplateKey))
            .SelectMany(owner => owner.Submission.Files.Select((file, number) =>
                (owner.Submission.Id, file.Path, files[FileKey(owner.Key, number)].Error)))
            .Where(found => found.Error is not null)
            .Select(found => $"{found.Id}/{found.Path}: {found.Error}")
            .Order(StringComparer.Ordinal);
        return ToolRun<FingerprintedBatch>.Of(new FingerprintedBatch([.. fingerprints], [.. templateHashes], [.. problems]));
    }

    // Ids sent to the script are positions, not student ids: nothing a student named travels as a key.
    private static string Key(int index) => index.ToString(CultureInfo.InvariantCulture);

    private static string FileKey(string owner, int number) => string.Create(CultureInfo.InvariantCulture, $"{owner}/{number}");

    private static IEnumerable<TokenizerInput> Inputs(string owner, SimilaritySubmission submission) =>
        submission.Files.Select((file, number) => new TokenizerInput(FileKey(owner, number), file.Content));
}
