using System.Collections.Immutable;
using System.Text.Json;
using Grader.Python.Evidence;
using Grader.Python.Facts;

namespace Grader.Python.Tools;

/// <summary>
/// Turns a newer pycodestyle's findings into what pycodestyle 2.5 would have reported, from the changelog
/// entries between 2.5.0 and 2.10.0 (documented, with what cannot be reproduced, in checks/STYLE-PROFILE.md).
/// Positions are matched against tokens from Python's own tokenizer, never by scanning the text for words.
/// </summary>
internal static class Pycodestyle25Profile
{
    // 2.6.0a1 made E225 also require spaces around these keyword operators.
    private static readonly ImmutableHashSet<string> KeywordOperators = ["and", "in", "is", "or", "not"];

    public static ImmutableArray<StyleFinding> Apply(ImmutableArray<StyleFinding> findings, string file, FileFacts? facts, IReadOnlyList<string> lines)
    {
        var tokens = facts?.StyleTokens;
        var keywords = (tokens?.Keywords ?? []).Select(ToKeyword).OfType<KeywordToken>().ToList();
        var lambdaParams = (tokens?.LambdaParams ?? []).Where(pair => pair.Length == 2).Select(pair => (pair[0], pair[1])).ToHashSet();
        var kept = findings.Where(finding => !ReportedOnlySince26(finding, keywords, lambdaParams, lines));
        var added = (tokens?.HasKeyCalls ?? [])
            .Where(pair => pair.Length == 2)
            .Select(pair => new StyleFinding(file, pair[0], pair[1] + 1, "W601", ".has_key() is deprecated, use 'in'"));
        return [.. kept.Concat(added).OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Code, StringComparer.Ordinal)];
    }

    private static bool ReportedOnlySince26(StyleFinding finding, List<KeywordToken> keywords, HashSet<(int, int)> lambdaParams, IReadOnlyList<string> lines)
    {
        var column0 = finding.Column - 1;
        return finding.Code switch
        {
            // 2.6.0a1: E225 around keyword operators.
            "E225" => keywords.Any(k => k.Line == finding.Line && KeywordOperators.Contains(k.Text) && (k.Start == column0 || k.End == column0)),
            // 2.9.0: E275 after every keyword; 2.5 only reported it after 'import'.
            "E275" => !keywords.Any(k => k.Line == finding.Line && k.End == column0 && k.Text == "import"),
            // 2.10.0: E741 also for lambda parameters.
            "E741" => lambdaParams.Contains((finding.Line, column0)),
            // 2.8.0: E201 learned that a tab after a bracket is whitespace too.
            "E201" => CharAt(lines, finding.Line, column0) == '\t',
            // 2.9.0: E262 learned that a non-breaking space after '#' is whitespace too.
            "E262" => CharAt(lines, finding.Line, column0) == '#' && CharAt(lines, finding.Line, column0 + 1) == '\u00a0',
            _ => false,
        };
    }

    private static char? CharAt(IReadOnlyList<string> lines, int line, int column0) =>
        line >= 1 && line <= lines.Count && column0 >= 0 && column0 < lines[line - 1].Length ? lines[line - 1][column0] : null;

    private static KeywordToken? ToKeyword(ImmutableArray<JsonElement> token) =>
        token.Length == 4 && token[0].ValueKind == JsonValueKind.Number && token[3].ValueKind == JsonValueKind.String
            ? new KeywordToken(token[0].GetInt32(), token[1].GetInt32(), token[2].GetInt32(), token[3].GetString()!)
            : null;

    private sealed record KeywordToken(int Line, int Start, int End, string Text);
}
