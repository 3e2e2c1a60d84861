using System.Text.Json;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Tests.Intake;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Reporting.Formats;

/// <summary>Hidden checks: out of student-facing formats until --reveal-hidden, always in instructor formats, points always counted.</summary>
public sealed class HiddenCheckTests
{
    [Theory]
    [InlineData("human")]
    [InlineData("markdown")]
    [InlineData("github")]
    [InlineData("prairielearn")]
    public async Task Student_formats_leave_hidden_checks_out_and_say_so(string format)
    {
        var output = await FormatRendering.RenderAsync(format, SampleResults.Hostile());

        Assert.DoesNotContain("PY-BEH-012", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PY-BEH-013", output, StringComparison.Ordinal);
        Assert.Contains("2 hidden checks worth up to 4 points are not shown", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("human")]
    [InlineData("markdown")]
    [InlineData("github")]
    [InlineData("prairielearn")]
    public async Task Reveal_hidden_shows_them_in_student_formats(string format)
    {
        var output = await FormatRendering.RenderAsync(format, SampleResults.Hostile(), FormatRendering.Fixed(revealHidden: true));

        Assert.Contains("PY-BEH-012", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden checks", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("junit")]
    public async Task Instructor_formats_always_show_hidden_checks(string format)
    {
        var output = await FormatRendering.RenderAsync(format, SampleResults.Hostile());

        Assert.Contains("PY-BEH-012", output, StringComparison.Ordinal);
        Assert.Contains("PY-BEH-013", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gradescope_keeps_hidden_checks_until_published_so_the_scores_still_add_up()
    {
        using var hidden = JsonDocument.Parse(await FormatRendering.RenderAsync("gradescope", SampleResults.Hostile()));
        using var revealed = JsonDocument.Parse(await FormatRendering.RenderAsync("gradescope", SampleResults.Hostile(), FormatRendering.Fixed(revealHidden: true)));

        string Visibility(JsonDocument document, string id) => document.RootElement.GetProperty("tests").EnumerateArray()
            .Single(test => test.GetProperty("name").GetString()!.StartsWith(id, StringComparison.Ordinal)).GetProperty("visibility").GetString()!;
        Assert.Equal("after_published", Visibility(hidden, "PY-BEH-012"));
        Assert.Equal("visible", Visibility(revealed, "PY-BEH-012"));
        Assert.Equal("visible", Visibility(hidden, "PY-BEH-010"));
        Assert.Equal(SampleResults.Hostile().Score, hidden.RootElement.GetProperty("tests").EnumerateArray().Sum(test => test.GetProperty("score").GetDouble()));
    }

    [Fact]
    public void The_json_model_carries_the_hidden_flag_and_round_trips_it()
    {
        var json = Grader.Core.Reporting.JsonReporter.Serialize(SampleResults.Hostile());

        Assert.Contains("\"hidden\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"hidden\": false", json, StringComparison.Ordinal);
        Assert.True(Grader.Core.Reporting.JsonReporter.Deserialize(json)!.AllChecks().Single(check => check.Id == "PY-BEH-012").Hidden);
    }

    [Fact]
    public void The_scorer_marks_the_checks_the_assignment_hides()
    {
        var assignment = AssignmentLoader.Load(RepositoryPaths.Assignment) with { HiddenChecks = ["PY-BEH-012"] };
        var descriptor = Grader.Checks.PythonAsync.PythonAsyncChecks.Catalog().Checks.Single(check => check.Descriptor.Id == "PY-BEH-012").Descriptor;
        var other = Grader.Checks.PythonAsync.PythonAsyncChecks.Catalog().Checks.Single(check => check.Descriptor.Id == "PY-BEH-011").Descriptor;

        Assert.True(Scorer.Score(descriptor, CheckOutcome.Pass("ok"), assignment, "1-concurrent_coroutines.py").Hidden);
        Assert.False(Scorer.Score(other, CheckOutcome.Pass("ok"), assignment, "1-concurrent_coroutines.py").Hidden);
    }

    [Fact]
    public void The_assignment_file_lists_hidden_checks_and_rejects_unknown_ones()
    {
        using var folder = new TempFolder();
        var file = folder.Path(AssignmentLoader.FileName);
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Assignment, AssignmentLoader.FileName));
        File.WriteAllText(file, text.Replace("\"hidden\": []", "\"hidden\": [\"PY-BEH-012\"]", StringComparison.Ordinal));
        Assert.Equal(["PY-BEH-012"], AssignmentLoader.Load(folder.Root).HiddenChecks);

        File.WriteAllText(file, text.Replace("\"hidden\": []", "\"hidden\": [\"PY-NOPE-999\"]", StringComparison.Ordinal));
        var error = Assert.Throws<GraderSetupException>(() => AssignmentLoader.Load(folder.Root));
        Assert.Contains("PY-NOPE-999", error.Message, StringComparison.Ordinal);
    }
}
