using System.Text;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Core.Similarity;
using Grader.Core.Tests.Support;
using Grader.Python.Similarity;

namespace Grader.Core.Tests.Similarity;

/// <summary>The real tokens.py, one file per row; and the C# side's handling of a script that misbehaves.</summary>
[Collection(GradingCollection.Name)]
public sealed class PythonTokenizerTests(GradingFixture fixture)
{
    public static TheoryData<string, string, string, string?> Files => new()
    {
        {
            "identifiers, literals, keywords, layout",
            "#!/usr/bin/env python3\nasync def f(x: int = 10) -> float:\n    # a comment\n\n    return await g(x, 'a', 2.5, True)\n",
            "async def N ( N : N = 0 ) -> N : ; { return await N ( N , S , 0 , True ) ; }",
            null
        },
        {
            "docstrings and string-only statements are dropped, other strings are not",
            "\"\"\"Module.\"\"\"\ndef f() -> None:\n    \"\"\"Doc \"\n    'more'\"\"\"\n    x = 'kept'\n    'dropped'; y = 1\n",
            "def N ( ) -> None : ; { N = S ; N = 0 ; }",
            null
        },
        {
            "f-strings are one string in every Python version",
            "x = f\"a{b!r:>{w}}c\" + \"d\"\n",
            "N = S + S ;",
            null
        },
        {
            "a byte order mark, a coding cookie and CRLF are decoded like Python",
            "\uFEFF# -*- coding: utf-8 -*-\r\nx = 1\r\n",
            "N = 0 ;",
            null
        },
        {
            "a tokenize error keeps the tokens read before it",
            "x = (1,\ny = 2\n",
            "N = ( 0 , N = 0",
            "TokenError"
        },
        {
            "a bad dedent keeps the tokens read before it",
            "if x:\n        a\n    b\n",
            "if N : ; { N ;",
            "IndentationError"
        },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Normalises_like_the_contract_says(string scenario, string source, string expected, string? error)
    {
        var file = await TokenizeOneAsync(Encoding.UTF8.GetBytes(source));

        Assert.True(expected == string.Join(' ', file.Tokens.Select(token => token.Text)), scenario);
        if (error is null)
        {
            Assert.Null(file.Error);
        }
        else
        {
            Assert.StartsWith(error, file.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Tokens_carry_their_lines_and_a_dedent_belongs_to_the_block_it_closes()
    {
        var file = await TokenizeOneAsync("def f():\n    return 1\n\n\nx = 2\n"u8.ToArray());

        Assert.Equal(
            [(1, "def"), (1, "N"), (1, "("), (1, ")"), (1, ":"), (1, ";"), (2, "{"), (2, "return"), (2, "0"), (2, ";"), (2, "}"), (5, "N"), (5, "="), (5, "0"), (5, ";")],
            file.Tokens.Select(token => (token.Line, token.Text)));
    }

    [Fact]
    public async Task A_file_that_is_not_valid_utf8_is_an_error_without_tokens()
    {
        var file = await TokenizeOneAsync([(byte)'x', (byte)'=', 0xFF, (byte)'\n']);

        Assert.Empty(file.Tokens);
        Assert.Contains("not valid UTF-8", file.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_failure_is_reported_with_its_last_line()
    {
        var run = await TokenizeWithAsync(new CannedRunner(2, "{\"error\":\"\\\"files\\\" must be a list\"}\n"));

        Assert.Null(run.Value);
        Assert.Contains("exit code 2", run.Failure, StringComparison.Ordinal);
        Assert.Contains("must be a list", run.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"files\": {\"a\": {\"tokens\": [[1]], \"error\": null}}}")]
    [InlineData("{\"files\": {\"a\": {\"tokens\": [[\"1\", \"N\"]], \"error\": null}}}")]
    [InlineData("{\"files\": []}")]
    public async Task An_answer_of_the_wrong_shape_is_a_failure_not_an_empty_file(string answer)
    {
        var run = await TokenizeWithAsync(new CannedRunner(0, answer));

        Assert.Null(run.Value);
        Assert.Contains("invalid JSON", run.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_the_script_did_not_answer_for_is_an_error()
    {
        var run = await TokenizeWithAsync(new CannedRunner(0, "{\"python\": \"3.11.7\", \"files\": {}}"));

        var file = Assert.Single(run.Value!.Files);
        Assert.Equal("a", file.Key);
        Assert.Contains("no answer", file.Value.Error, StringComparison.Ordinal);
    }

    private async Task<TokenizedFile> TokenizeOneAsync(byte[] source)
    {
        var run = await TokenizeWithAsync(fixture.Runner, source);
        return run.Value?.Files["a"] ?? throw new InvalidOperationException(run.Failure);
    }

    private async Task<ToolRun<TokenizerResponse>> TokenizeWithAsync(IProcessRunner runner, byte[]? source = null)
    {
        using var scratch = ScratchSpace.Create();
        var python = fixture.Tools.Analysis ?? throw new InvalidOperationException("no python3");
        return await new PythonTokenizer(runner).TokenizeAsync(
            python,
            Path.Combine(RepositoryPaths.Assignment, PythonTokenizer.Script),
            [new TokenizerInput("a", [.. source ?? "x = 1\n"u8.ToArray()])],
            scratch,
            CancellationToken.None);
    }

    private sealed class CannedRunner(int exitCode, string stdout) : IProcessRunner
    {
        public Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new ProcessOutcome(exitCode, false, new CapturedOutput(stdout, string.Empty, stdout.Length, 0), CapturedOutput.Empty, TimeSpan.Zero));
    }
}
