using Grader.Core.Results;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Engine;

[Collection(GradingCollection.Name)]
public sealed class ReferenceSolutionTests(GradingFixture fixture)
{
    [Fact]
    public async Task The_reference_solution_passes_every_check_with_full_marks()
    {
        var result = await fixture.GradeAsync(RepositoryPaths.ReferenceSolution);

        Assert.Empty(GradingFixture.Problems(result));
        Assert.All(result.AllChecks(), check => Assert.Equal(CheckStatus.Passed, check.Status));
        Assert.Equal(result.MaxScore, result.Score);
        Assert.True(result.MaxScore > 0);
        Assert.Equal(5, result.Tasks.Length);
    }

    [Fact]
    public async Task The_student_template_passes_every_static_check()
    {
        var result = await fixture.GradeAsync(RepositoryPaths.StudentTemplate);

        var staticCategories = new[]
        {
            Category.Files, Category.Conventions, Category.Syntax, Category.Compat, Category.Style,
            Category.Docs, Category.Annotations, Category.Api,
        };
        Assert.All(
            result.AllChecks().Where(check => staticCategories.Contains(check.Category)),
            check => Assert.True(check.Status == CheckStatus.Passed, $"{check.Id}: {check.Message}"));
    }

    [Fact]
    public async Task The_student_template_fails_only_behaviour_checks()
    {
        var result = await fixture.GradeAsync(RepositoryPaths.StudentTemplate);

        var problems = result.AllChecks().Where(check => check.Status != CheckStatus.Passed).ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, check => Assert.Equal(Category.Behaviour, check.Category));
    }

    [Theory]
    [InlineData("reference-solution/python")]
    [InlineData("grader/tests/Grader.Core.Tests/Fixtures/submissions/gather-then-sort")]
    public async Task The_same_submission_and_seed_give_byte_identical_json_over_20_runs(string folder)
    {
        var path = Path.Combine(RepositoryPaths.Root, folder);

        var options = Grader.Core.Engine.GradingOptions.Default with { Seed = 4242 };
        var first = Grader.Core.Reporting.JsonReporter.Serialize(await fixture.GradeAsync(path, options));
        for (var run = 1; run < 20; run++)
        {
            Assert.Equal(first, Grader.Core.Reporting.JsonReporter.Serialize(await fixture.GradeAsync(path, options)));
        }
    }

    [Fact]
    public async Task Another_seed_hands_out_other_random_values_and_still_passes()
    {
        var one = await fixture.GradeAsync(RepositoryPaths.ReferenceSolution, Grader.Core.Engine.GradingOptions.Default with { Seed = 1 });
        var two = await fixture.GradeAsync(RepositoryPaths.ReferenceSolution, Grader.Core.Engine.GradingOptions.Default with { Seed = 2 });

        Assert.Equal(one.MaxScore, one.Score);
        Assert.Equal(two.MaxScore, two.Score);
        Assert.NotEqual(
            one.Tasks[2].Checks.Single(check => check.Id == "PY-BEH-021").Message,
            two.Tasks[2].Checks.Single(check => check.Id == "PY-BEH-021").Message);
    }
}
