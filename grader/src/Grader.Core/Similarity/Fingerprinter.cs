using System.Collections.Immutable;

namespace Grader.Core.Similarity;

/// <summary>
/// Turns a file's normalised tokens into fingerprints: every k-gram of <see cref="SimilaritySettings.KGramLength"/>
/// tokens is hashed, then winnowed with windows of <see cref="SimilaritySettings.WindowSize"/> k-grams.
/// </summary>
public sealed class Fingerprinter
{
    private readonly int length;
    private readonly int window;

    public Fingerprinter(SimilaritySettings settings)
    {
        settings.ThrowIfInvalid();
        length = settings.KGramLength;
        window = settings.WindowSize;
    }

    /// <summary>The winnowed fingerprints of one file, in source order.</summary>
    public ImmutableArray<Fingerprint> Fingerprint(IReadOnlyList<SourceToken> tokens)
    {
        var kGrams = KGrams(tokens);
        return [.. Winnowing.Select(kGrams.Select(kGram => kGram.Hash).ToList(), window).Select(position => kGrams[position])];
    }

    /// <summary>
    /// Every k-gram of one file, not only the winnowed ones. The template is subtracted with these: a template
    /// k-gram that winnowing happened not to select in the template can still be selected in a submission.
    /// </summary>
    public ImmutableArray<Fingerprint> KGrams(IReadOnlyList<SourceToken> tokens)
    {
        if (tokens.Count < length)
        {
            return [];
        }

        var kGrams = ImmutableArray.CreateBuilder<Fingerprint>(tokens.Count - length + 1);
        for (var start = 0; start + length <= tokens.Count; start++)
        {
            var first = int.MaxValue;
            var last = int.MinValue;
            for (var index = start; index < start + length; index++)
            {
                first = Math.Min(first, tokens[index].Line);
                last = Math.Max(last, tokens[index].Line);
            }

            kGrams.Add(new Fingerprint(TokenHash.Of(tokens, start, length), first, last));
        }

        return kGrams.MoveToImmutable();
    }
}
