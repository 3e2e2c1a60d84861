using System.Text.Json;
using System.Xml.Linq;
using System.Xml.Schema;
using Grader.Core.Engine;
using Grader.Core.Results;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Reporting.Formats;

/// <summary>
/// Each format of a real grading (the reference solution, the template, a failing gallery case) against its
/// schema or its platform's required keys.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class FormatSchemaTests(GradingFixture fixture)
{
    public static TheoryData<string> Submissions() => new()
    {
        "reference-solution/python",
        "student-template/python",
        "grader/tests/Grader.Core.Tests/Fixtures/submissions/pycodestyle-violation",
    };

    [Theory]
    [MemberData(nameof(Submissions))]
    public async Task Every_format_of_a_real_grading_is_valid(string folder)
    {
        var result = await fixture.GradeAsync(Path.Combine(RepositoryPaths.Root, folder), GradingOptions.Default with { Seed = 7 });

        AssertValidJUnit(await FormatRendering.RenderAsync("junit", result), result);
        AssertValidGradescope(await FormatRendering.RenderAsync("gradescope", result), result);
        AssertValidPrairieLearn(await FormatRendering.RenderAsync("prairielearn", result), result);
        AssertValidSarif(await FormatRendering.RenderAsync("sarif", result), result);
        AssertValidGitHub(await FormatRendering.RenderAsync("github", result), result);
        Assert.Contains($"**Score: {Grader.Core.Reporting.ReportText.Points(result.Score)}/", await FormatRendering.RenderAsync("markdown", result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_failing_case_shows_its_style_finding_in_every_format()
    {
        var result = await fixture.GradeAsync(Path.Combine(RepositoryPaths.Gallery, "pycodestyle-violation"), GradingOptions.Default with { Seed = 7 });

        using var sarif = JsonDocument.Parse(await FormatRendering.RenderAsync("sarif", result));
        var findings = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(findings, finding => finding.GetProperty("ruleId").GetString() == "PY-STYLE-001"
            && finding.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        Assert.Contains("<failure message=", await FormatRendering.RenderAsync("junit", result), StringComparison.Ordinal);
        Assert.Contains("::error file=submissions/alice/", await FormatRendering.RenderAsync("github", result), StringComparison.Ordinal);
    }

    private static void AssertValidJUnit(string xml, GradingResult result)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(RepositoryPaths.Root, "grader", "tests", "Grader.Core.Tests", "Reporting", "Schemas", "junit.xsd"));
        var document = XDocument.Parse(xml);
        var errors = new List<string>();
        document.Validate(schemas, (_, args) => errors.Add(args.Message));
        Assert.Empty(errors);

        var root = document.Root!;
        Assert.Equal(result.AllChecks().Count(), (int)root.Attribute("tests")!);
        Assert.Equal(result.Tasks.Length + (result.Project.IsEmpty ? 0 : 1), root.Elements("testsuite").Count());
        Assert.Equal(result.AllChecks().Count(check => check.Status == CheckStatus.Failed), root.Descendants("failure").Count());
        var scores = root.Elements("testsuite").Select(suite => double.Parse(
            suite.Element("properties")!.Elements("property").Single(property => (string?)property.Attribute("name") == "score").Attribute("value")!.Value,
            System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(result.Score, scores.Sum(), 6);
    }

    private static void AssertValidGradescope(string json, GradingResult result)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(result.Score, root.GetProperty("score").GetDouble(), 6);
        Assert.Equal(result.Score, tests.Sum(test => test.GetProperty("score").GetDouble()), 6);
        Assert.Equal(result.MaxScore, tests.Sum(test => test.GetProperty("max_score").GetDouble()), 6);
        Assert.Equal(result.AllChecks().Count(), tests.Count);
        Assert.Equal(tests.Count, tests.Select(test => test.GetProperty("number").GetString()).Distinct().Count());
        Assert.All(tests, test =>
        {
            Assert.Contains(test.GetProperty("status").GetString(), new[] { "passed", "failed" });
            Assert.Contains(test.GetProperty("visibility").GetString(), new[] { "visible", "hidden", "after_due_date", "after_published" });
            Assert.Matches(@"^(project|\d+)\.\d+$", test.GetProperty("number").GetString());
            Assert.Equal(JsonValueKind.String, test.GetProperty("name").ValueKind);
            Assert.Equal(JsonValueKind.String, test.GetProperty("output").ValueKind);
            Assert.InRange(test.GetProperty("score").GetDouble(), 0, test.GetProperty("max_score").GetDouble());
        });
        Assert.True(root.GetProperty("execution_time").GetInt32() >= 0);
    }

    private static void AssertValidPrairieLearn(string json, GradingResult result)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.True(root.GetProperty("gradable").GetBoolean());
        Assert.InRange(root.GetProperty("score").GetDouble(), 0, 1);
        Assert.Equal(result.Score / result.MaxScore, root.GetProperty("score").GetDouble(), 6);
        Assert.Equal(JsonValueKind.String, root.GetProperty("message").ValueKind);
        Assert.All(root.GetProperty("tests").EnumerateArray(), test =>
        {
            foreach (var key in new[] { "name", "description", "message", "output" })
            {
                Assert.Equal(JsonValueKind.String, test.GetProperty(key).ValueKind);
            }

            Assert.InRange(test.GetProperty("points").GetDouble(), 0, test.GetProperty("max_points").GetDouble());
        });
    }

    private static void AssertValidSarif(string json, GradingResult result)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(Grader.Core.Reporting.Formats.SarifReporter.SchemaUri, root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("grader", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().Select(rule => rule.GetProperty("id").GetString()!).ToList();
        Assert.Equal(result.AllChecks().Where(check => check.Category != Category.Behaviour).Select(check => check.Id).Distinct(), rules);
        Assert.All(run.GetProperty("results").EnumerateArray(), finding =>
        {
            var ruleIndex = finding.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(rules[ruleIndex], finding.GetProperty("ruleId").GetString());
            Assert.Contains(finding.GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
            Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetProperty("text").GetString()));
            foreach (var location in finding.GetProperty("locations").EnumerateArray())
            {
                var physical = location.GetProperty("physicalLocation");
                Assert.True(Uri.IsWellFormedUriString(physical.GetProperty("artifactLocation").GetProperty("uri").GetString(), UriKind.Relative));
                if (physical.TryGetProperty("region", out var region))
                {
                    Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
                }
            }
        });
    }

    private static void AssertValidGitHub(string log, GradingResult result)
    {
        var outside = WorkflowLog.LinesOutsideFences(log);
        var errors = outside.Count(line => line.StartsWith("::error ", StringComparison.Ordinal));
        Assert.Equal(Math.Min(10, result.AllChecks().Count(Grader.Core.Reporting.ReportText.IsProblem)), errors);
        Assert.Single(outside, line => line.StartsWith("::notice title=Grader score::", StringComparison.Ordinal));
    }
}
