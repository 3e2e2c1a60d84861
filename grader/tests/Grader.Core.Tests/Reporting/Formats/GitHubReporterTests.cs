using Grader.Core.Engine;
using Grader.Core.Reporting;
using Grader.Core.Reporting.Formats;
using Grader.Core.Results;
using Grader.Core.Tests.Intake;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Reporting.Formats;

public sealed class GitHubReporterTests
{
    [Fact]
    public async Task A_student_workflow_command_in_a_message_or_finding_never_starts_a_line_outside_the_fence()
    {
        var log = await FormatRendering.RenderAsync("github", SampleResults.Hostile());

        var outside = WorkflowLog.LinesOutsideFences(log);
        Assert.DoesNotContain(outside, line => line.StartsWith("::error::pwned", StringComparison.Ordinal));
        Assert.DoesNotContain(outside, line => line.StartsWith("::warning file=x.py", StringComparison.Ordinal));
        Assert.All(outside.Where(line => line.StartsWith("::", StringComparison.Ordinal)), line =>
            Assert.Matches("^::(error|notice|group|endgroup)[ :]", line));
        // The message is still there for the student, inside the fence.
        Assert.Contains("\n::error::pwned\n", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Annotations_escape_data_and_properties_and_name_the_file_from_the_repository_root()
    {
        var log = await FormatRendering.RenderAsync("github", SampleResults.Hostile());

        Assert.Contains("::error file=submissions/alice/we%2Cird%3Aname.py,line=4,title=PY-DOC-002 Functions have docstrings::", log, StringComparison.Ordinal);
        Assert.Contains("nope%0A::error::pwned%0D%0A::warning file=x.py::also pwned 100%25", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_most_ten_annotations_per_level_and_the_rest_are_counted()
    {
        var many = Enumerable.Range(1, 14).Select(index => new CheckResult(
            $"PY-X-{index:000}", "A check", Category.Api, CheckStatus.Failed, 0, 1, $"problem {index}", "f.py", index, null));
        var result = SampleResults.Mixed() with { Project = [.. many] };

        var log = await FormatRendering.RenderAsync("github", result);

        var errors = log.Split('\n').Where(line => line.StartsWith("::error ", StringComparison.Ordinal)).ToList();
        Assert.Equal(GitHubReporter.AnnotationsShownPerLevel, errors.Count);
        Assert.Contains("PY-X-001", errors[0], StringComparison.Ordinal);
        Assert.Contains("6 more problems are not annotated", log, StringComparison.Ordinal);
        Assert.Single(log.Split('\n'), line => line.StartsWith("::notice ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_run_fences_with_a_new_random_token()
    {
        var reporter = new GitHubReporter(ReportOptions.Default);
        using var first = new StringWriter();
        using var second = new StringWriter();

        await reporter.WriteAsync(SampleResults.Hostile(), first, CancellationToken.None);
        await reporter.WriteAsync(SampleResults.Hostile(), second, CancellationToken.None);

        string Token(string log) => log.Split('\n').Single(line => line.StartsWith("::stop-commands::", StringComparison.Ordinal));
        Assert.NotEqual(Token(first.ToString()), Token(second.ToString()));
        WorkflowLog.LinesOutsideFences(first.ToString());
    }

    [Theory]
    [InlineData("plain", "plain", "plain")]
    [InlineData("100%", "100%25", "100%25")]
    [InlineData("a\r\nb", "a%0D%0Ab", "a%0D%0Ab")]
    [InlineData("a:b,c", "a:b,c", "a%3Ab%2Cc")]
    [InlineData("%0A", "%250A", "%250A")]
    public void Escapes_data_and_properties_as_the_runner_unescapes_them(string text, string data, string property)
    {
        Assert.Equal(data, WorkflowCommand.EscapeData(text));
        Assert.Equal(property, WorkflowCommand.EscapeProperty(text));
    }

    [Fact]
    public void The_step_summary_is_kept_whole_under_the_limit_and_cut_at_a_line_with_a_note_over_it()
    {
        var markdown = string.Concat(Enumerable.Range(0, 2000).Select(index => $"| line {index} | é |\n"));

        Assert.Equal(markdown, StepSummaryText.Fit(markdown, StepSummaryText.GitHubLimitBytes));
        var cut = StepSummaryText.Fit(markdown, 10_000);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(cut) <= 10_000);
        Assert.StartsWith("| line 0 | é |\n", cut, StringComparison.Ordinal);
        Assert.Contains("cut here to fit GitHub's 1 MiB limit", cut, StringComparison.Ordinal);
        Assert.DoesNotContain("| line 1999 |", cut, StringComparison.Ordinal);
    }
}

/// <summary>End to end: a real submission whose code prints and raises a workflow command.</summary>
[Collection(GradingCollection.Name)]
public sealed class GitHubInjectionEndToEndTests(GradingFixture fixture)
{
    [Fact]
    public async Task A_student_print_of_error_pwned_does_not_become_an_annotation()
    {
        using var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.ReferenceSolution))
        {
            File.Copy(file, folder.Path(Path.GetFileName(file)));
        }

        var coroutines = folder.Path("1-concurrent_coroutines.py");
        var source = File.ReadAllText(coroutines).Replace(
            "    coroutines = [wait_random(max_delay) for _ in range(n)]\n",
            "    print(\"::error::pwned\")\n    raise ValueError(\"\\n::error::pwned\")\n",
            StringComparison.Ordinal);
        File.WriteAllText(coroutines, source);

        var result = await fixture.GradeAsync(folder.Root, GradingOptions.Default with { Seed = 7, WaiveExecutableBit = true });
        var log = await FormatRendering.RenderAsync("github", result);

        Assert.Contains(result.AllChecks(), check => check.Message.Contains("::error::pwned", StringComparison.Ordinal));
        Assert.DoesNotContain(WorkflowLog.LinesOutsideFences(log), line => line.StartsWith("::error::pwned", StringComparison.Ordinal));
        Assert.Contains("::error::pwned", log, StringComparison.Ordinal);
    }
}
