using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Grader.Core.Evidence;
using Grader.Core.Similarity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grader.CSharp.Similarity;

/// <summary>
/// The C# side of the similarity analysis: Roslyn's parser, in-process (parsing runs nothing), gives the same
/// normalised stream as tokens.py gives for Python. Keywords, operators and punctuation keep their text; every other
/// name becomes "N", every string (an interpolated one whole) "S", every number or character "0"; comments, doc
/// comments and preprocessor lines are trivia and vanish. A file with syntax errors still yields all its tokens.
/// </summary>
public sealed class CSharpSourceTokenizer : ISourceTokenizer
{
    /// <summary>As in tokens.py: tokens beyond this many in one file are cut, and the file is reported.</summary>
    public const int MaxTokens = 200_000;

    // Contextual keywords that shape the code as much as keywords do; any other identifier is a name.
    private static readonly ImmutableHashSet<string> ContextualKeywords = ["var", "async", "await", "yield", "nameof", "when", "record", "init", "required"];

    private static readonly CSharpParseOptions ParseOptions = new(Compiling.CompilerHost.LanguageVersion, DocumentationMode.None);

    public Task<ToolRun<TokenizerResponse>> TokenizeAsync(IReadOnlyCollection<TokenizerInput> files, ScratchSpace scratch, CancellationToken cancellationToken)
    {
        var tokenized = ImmutableSortedDictionary.CreateBuilder<string, TokenizedFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tokenized[file.Id] = Tokenize(file.Source);
        }

        var roslyn = typeof(CSharpSyntaxTree).Assembly.GetName().Version?.ToString() ?? "unknown";
        return Task.FromResult(ToolRun<TokenizerResponse>.Of(new TokenizerResponse($"Roslyn {roslyn}", tokenized.ToImmutable())));
    }

    public static TokenizedFile Tokenize(ImmutableArray<byte> source)
    {
        var tree = CSharpSyntaxTree.ParseText(Encoding.UTF8.GetString(source.AsSpan()).TrimStart('\uFEFF'), ParseOptions);
        var text = tree.GetText();
        var tokens = ImmutableArray.CreateBuilder<SourceToken>();
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.EndOfFileToken) || token.IsMissing || Normalise(token) is not { } normalised)
            {
                continue;
            }

            if (tokens.Count == MaxTokens)
            {
                return new TokenizedFile(tokens.ToImmutable(), string.Create(CultureInfo.InvariantCulture, $"more than {MaxTokens} tokens: the rest of the file is not compared"));
            }

            tokens.Add(new SourceToken(text.Lines.GetLineFromPosition(token.SpanStart).LineNumber + 1, normalised));
        }

        return new TokenizedFile(tokens.ToImmutable(), null);
    }

    // Null for a token folded into the one before it (the inside of an interpolated string).
    private static string? Normalise(SyntaxToken token)
    {
        if (token.Parent?.FirstAncestorOrSelf<InterpolatedStringExpressionSyntax>() is { } interpolated)
        {
            return token == interpolated.GetFirstToken() ? "S" : null;
        }

        return token.Kind() switch
        {
            SyntaxKind.IdentifierToken => ContextualKeywords.Contains(token.ValueText) ? token.ValueText : "N",
            SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken
                or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken => "S",
            SyntaxKind.NumericLiteralToken or SyntaxKind.CharacterLiteralToken => "0",
            _ => token.Text,
        };
    }
}
