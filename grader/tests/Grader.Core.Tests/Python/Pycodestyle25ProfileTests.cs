using System.Collections.Immutable;
using System.Text.Json;
using Grader.Python.Evidence;
using Grader.Python.Facts;
using Grader.Python.Tools;

namespace Grader.Core.Tests.Python;

public sealed class Pycodestyle25ProfileTests
{
    private const string File = "a.py";

    [Fact]
    public void Drops_E225_and_E275_that_pycodestyle_26_and_29_added_for_keywords()
    {
        // y = 1 if 2 in(1, 2) else(3): pycodestyle 2.10 reports E225 and E275 at the end of 'in', E275 after 'else'.
        var facts = Facts(keywords: [[1, 6, 8, "if"], [1, 11, 13, "in"], [1, 22, 26, "else"]]);
        ImmutableArray<StyleFinding> findings =
        [
            new(File, 1, 14, "E225", "missing whitespace around operator"),
            new(File, 1, 14, "E275", "missing whitespace after keyword"),
            new(File, 1, 27, "E275", "missing whitespace after keyword"),
        ];

        Assert.Empty(Pycodestyle25Profile.Apply(findings, File, facts, ["y = 1 if 2 in(1, 2) else(3)"]));
    }

    [Fact]
    public void Keeps_E275_after_import_and_E225_around_real_operators()
    {
        var facts = Facts(keywords: [[1, 0, 4, "from"], [1, 7, 13, "import"]]);
        ImmutableArray<StyleFinding> findings =
        [
            new(File, 1, 14, "E275", "missing whitespace after keyword"),
            new(File, 2, 2, "E225", "missing whitespace around operator"),
        ];

        var kept = Pycodestyle25Profile.Apply(findings, File, facts, ["from x import(y)", "x=1"]);

        Assert.Equal(["E275", "E225"], kept.Select(finding => finding.Code));
    }

    [Fact]
    public void Drops_E741_for_lambda_parameters_only()
    {
        var facts = Facts(lambdaParams: [[1, 11]]);
        ImmutableArray<StyleFinding> findings =
        [
            new(File, 1, 12, "E741", "ambiguous variable name 'l'"),
            new(File, 2, 1, "E741", "ambiguous variable name 'l'"),
        ];

        var kept = Pycodestyle25Profile.Apply(findings, File, facts, ["x = lambda l: l", "l = 1"]);

        Assert.Equal(2, Assert.Single(kept).Line);
    }

    [Fact]
    public void Drops_E201_for_a_tab_and_adds_W601_for_has_key()
    {
        var facts = Facts(hasKeyCalls: [[2, 0]]);
        ImmutableArray<StyleFinding> findings = [new(File, 1, 7, "E201", "whitespace after '('")];

        var kept = Pycodestyle25Profile.Apply(findings, File, facts, ["print(\t1)", "d.has_key(1)"]);

        var added = Assert.Single(kept);
        Assert.Equal(("W601", 2, 1), (added.Code, added.Line, added.Column));
    }

    private static FileFacts Facts(object[][]? keywords = null, int[][]? lambdaParams = null, int[][]? hasKeyCalls = null) => new()
    {
        StyleTokens = new StyleTokens
        {
            Keywords = [.. (keywords ?? []).Select(token => token.Select(part => JsonSerializer.SerializeToElement(part)).ToImmutableArray())],
            LambdaParams = [.. (lambdaParams ?? []).Select(pair => pair.ToImmutableArray())],
            HasKeyCalls = [.. (hasKeyCalls ?? []).Select(pair => pair.ToImmutableArray())],
        },
    };
}
