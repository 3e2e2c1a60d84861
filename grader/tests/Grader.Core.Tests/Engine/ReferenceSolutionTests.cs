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
    public async Task Grading_the_same_submission_twice_gives_identical_json()
    {
        var first = Grader.Core.Reporting.JsonReporter.Serialize(await fixture.GradeAsync(RepositoryPaths.ReferenceSolution));
        var second = Grader.Core.Reporting.JsonReporter.Serialize(await fixture.GradeAsync(RepositoryPaths.ReferenceSolution));

        Assert.Equal(first, second);
    }
}
