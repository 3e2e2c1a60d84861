using System.Collections.Immutable;
using System.Text.Json;
using Grader.Core.Processes;
using Grader.CSharp.Checks.Style;
using Grader.CSharp.Tests.Support;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace Grader.CSharp.Tests.Checks;

/// <summary>
/// CS-STYLE-001 promises the spans the default <c>dotnet format</c> would change. This holds it to that promise:
/// the SDK's own <c>dotnet format whitespace --verify-no-changes</c> runs once over a folder of files, each the
/// reference solution's task 0 with one layout fault, and for every file the line:column positions it reports
/// must be those of the formatter's edits; the check reports them all except an edit that changes nothing (dotnet
/// format lists one, for instance, after re-indenting a doc comment: "replace 4 spaces with 4 spaces").
/// </summary>
[Collection(CSharpGradingCollection.Name)]
public sealed class FormattingMatchesDotnetFormatTests(CSharpGradingFixture fixture)
{
    private const string Clean = """
        namespace AsyncBasics;

        /// <summary>Task 0: the basics of async and await.</summary>
        public static class BasicAsyncSyntax
        {
            /// <summary>Waits a random delay of up to the given number of seconds and returns it.</summary>
            /// <param name="maxDelay">The longest delay to wait, in seconds.</param>
            /// <returns>The delay that was waited, in seconds.</returns>
            public static async Task<double> WaitRandom(int maxDelay = 10)
            {
                var delay = Random.Shared.NextDouble() * maxDelay;
                await Task.Delay(TimeSpan.FromSeconds(delay));
                return delay;
            }

            /// <summary>Counts the even numbers below a bound.</summary>
            /// <param name="bound">The exclusive upper bound.</param>
            /// <returns>How many even numbers are below the bound.</returns>
            public static int Evens(int bound)
            {
                var count = 0;
                for (var i = 0; i < bound; i++)
                {
                    switch (i % 2)
                    {
                        case 0:
                            count++;
                            break;
                        default:
                            break;
                    }
                }

                if (count > 0)
                {
                    return count;
                }
                else
                {
                    return (int)0.0;
                }
            }
        }

        """;

    // One layout fault per file: (name, text to find in Clean, replacement).
    private static readonly (string Name, string Find, string Replace)[] Faults =
    [
        ("clean", "", ""),
        ("operator-spacing", "NextDouble() * maxDelay", "NextDouble()*maxDelay"),
        ("keyword-spacing", "for (var i", "for(var i"),
        ("for-header-spacing", "var i = 0; i < bound; i++", "var i=0;i<bound;i++"),
        ("brace-on-same-line", "BasicAsyncSyntax\n{", "BasicAsyncSyntax {"),
        ("else-on-brace-line", "}\n        else\n", "} else\n"),
        ("two-space-indent", "        var count = 0;", "      var count = 0;"),
        ("tab-indent", "        var count = 0;", "\t\tvar count = 0;"),
        ("trailing-space", "return delay;\n", "return delay;   \n"),
        ("space-before-semicolon", "return delay;", "return delay ;"),
        ("spaces-inside-parens", "WaitRandom(int maxDelay = 10)", "WaitRandom( int maxDelay = 10 )"),
        ("cast-spacing", "(int)0.0", "(int) 0.0"),
        ("case-not-indented", "                case 0:", "            case 0:"),
        ("generic-spacing", "Task<double>", "Task <double>"),
        ("two-statements-one-line", "var count = 0;\n", "var count = 0; count += 0;\n"),
        ("one-line-block", "if (count > 0)\n        {\n            return count;\n        }", "if (count > 0) { return count; }"),
        ("blank-line-with-spaces", "}\n\n        if", "}\n        \n        if"),
        ("misindented-comment", "    /// <summary>Counts", "  /// <summary>Counts"),
        ("crlf-line-endings", "\n", "\r\n"),
        ("no-final-newline", "}\n}\n", "}\n}"),
    ];

    // What the default rules leave alone (no .editorconfig asks for line endings or a final newline; the formatter keeps
    // a one-line block and two statements on a line): the check must leave them alone too.
    private static readonly ImmutableSortedSet<string> Unflagged =
        ["clean", "crlf-line-endings", "no-final-newline", "one-line-block", "two-statements-one-line"];

    [Fact]
    public async Task The_check_reports_the_positions_dotnet_format_whitespace_reports()
    {
        var folder = Directory.CreateTempSubdirectory("grader-format-").FullName;
        try
        {
            foreach (var (name, find, replace) in Faults)
            {
                var text = find.Length == 0 ? Clean : Clean.Replace(find, replace, StringComparison.Ordinal);
                Assert.True(find.Length == 0 || text != Clean, $"the fault '{name}' changed nothing");
                await File.WriteAllTextAsync(Path.Combine(folder, name + ".cs"), text);
            }

            var reported = await DotnetFormatPositionsAsync(folder);

            Assert.All(Faults, fault =>
            {
                var path = Path.Combine(folder, fault.Name + ".cs");
                var (ours, edits) = CheckPositions(File.ReadAllText(path));
                var theirs = reported.GetValueOrDefault(path, []);
                Assert.True(edits.SetEquals(theirs), $"{fault.Name}: Roslyn's formatter edits [{string.Join(", ", edits)}], dotnet format reports [{string.Join(", ", theirs)}]");
                Assert.True(ours.IsSubsetOf(theirs) && ours.Count >= theirs.Count - 1, $"{fault.Name}: CS-STYLE-001 reports [{string.Join(", ", ours)}], dotnet format [{string.Join(", ", theirs)}]");
            });
            Assert.Empty(reported.GetValueOrDefault(Path.Combine(folder, "clean.cs"), []));
            Assert.Equal(
                Unflagged,
                Faults.Select(fault => fault.Name).Where(name => !reported.ContainsKey(Path.Combine(folder, name + ".cs"))).ToImmutableSortedSet(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The positions CS-STYLE-001 reports, and those of every edit Roslyn's formatter makes, no-op edits included.
    private (ImmutableSortedSet<string> Reported, ImmutableSortedSet<string> AllEdits) CheckPositions(string text)
    {
        var host = fixture.Track.Host;
        var tree = host.Parse(text, "file.cs");
        var source = tree.GetText();
        string Position(TextChange change)
        {
            var position = source.Lines.GetLinePosition(change.Span.Start);
            return $"{position.Line + 1}:{position.Character + 1}";
        }

        return (
            FormattingDifferences.Differences(tree, host.FormattingWorkspace).Select(Position).ToImmutableSortedSet(StringComparer.Ordinal),
            Formatter.GetFormattedTextChanges(tree.GetRoot(), host.FormattingWorkspace).Select(Position).ToImmutableSortedSet(StringComparer.Ordinal));
    }

    // dotnet format's JSON report: [{ "FilePath": ..., "FileChanges": [{ "LineNumber": 1-based, "CharNumber": 1-based }] }].
    private async Task<Dictionary<string, ImmutableSortedSet<string>>> DotnetFormatPositionsAsync(string folder)
    {
        var report = Path.Combine(folder, "report.json");
        var home = Directory.CreateDirectory(Path.Combine(folder, ".home")).FullName;
        var outcome = await fixture.Runner.RunAsync(
            new ProcessRequest(
                fixture.Track.Host.Sdk.DotnetHost,
                ["format", "whitespace", folder, "--folder", "--verify-no-changes", "--report", report, "--verbosity", "quiet"],
                folder,
                ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
                {
                    ["HOME"] = home,
                    ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
                    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                    ["DOTNET_NOLOGO"] = "1",
                    ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
                }),
                null,
                TimeSpan.FromMinutes(2)),
            CancellationToken.None);
        Assert.True(File.Exists(report), $"dotnet format wrote no report (exit {outcome.ExitCode}): {outcome.StandardError.Head}{outcome.StandardOutput.Head}");

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        return document.RootElement.EnumerateArray().ToDictionary(
            file => file.GetProperty("FilePath").GetString()!,
            file => file.GetProperty("FileChanges").EnumerateArray()
                .Select(change => $"{change.GetProperty("LineNumber").GetInt32()}:{change.GetProperty("CharNumber").GetInt32()}")
                .ToImmutableSortedSet(StringComparer.Ordinal));
    }
}
