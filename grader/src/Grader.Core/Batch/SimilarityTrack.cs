using Grader.Core.Assignment;
using Grader.Core.Similarity;
using Grader.Core.Submissions;

namespace Grader.Core.Batch;

/// <summary>
/// One language's share of a batch's similarity analysis: which submissions are its own, whose task files (of its
/// assignment) are compared with one another and never with another language's, by its tokenizer, minus its template.
/// </summary>
/// <param name="Tokenizer">Null when the language's tokenizer is missing; <paramref name="Missing"/> then says why.</param>
public sealed record SimilarityTrack(
    string Name,
    AssignmentSpec Assignment,
    Func<Submission, bool> Owns,
    ISourceTokenizer? Tokenizer,
    string? TemplateFolder,
    string Missing = "its tokenizer is not available");
