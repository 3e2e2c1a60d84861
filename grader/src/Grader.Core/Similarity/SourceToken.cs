using System.Collections.Immutable;

namespace Grader.Core.Similarity;

/// <summary>
/// One normalised token as tokens.py prints it: a keyword, "N" (any other name), "S" (a string), "0" (a number),
/// an operator, ";" (end of a statement), "{" or "}" (indent, dedent); and the line it starts on.
/// </summary>
public readonly record struct SourceToken(int Line, string Text);

/// <summary>A file's normalised tokens; when the tokenizer stopped early, why (the tokens before it are kept).</summary>
public sealed record TokenizedFile(ImmutableArray<SourceToken> Tokens, string? Error);

/// <summary>One file to tokenize, under an opaque id that keys the answer.</summary>
public sealed record TokenizerInput(string Id, ImmutableArray<byte> Source);

/// <summary>What a tokenizer answered: which one tokenized (Python's version, Roslyn's), and every requested file by id.</summary>
public sealed record TokenizerResponse(string Tokenizer, ImmutableSortedDictionary<string, TokenizedFile> Files);
