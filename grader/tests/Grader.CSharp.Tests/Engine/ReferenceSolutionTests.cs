using Grader.Core.Results;
using Grader.CSharp.Tests.Support;

namespace Grader.CSharp.Tests.Engine;

[Collection(CSharpGradingCollection.Name)]
public sealed class ReferenceSolutionTests(CSharpGradingFixture fixture)
{
    [Fact]
    public async Task The_reference_solution_passes_every_check_with_full_marks()
    {
        var result = await fixture.GradeAsync(RepositoryPaths.ReferenceSolution);

        Assert.Empty(CSharpGradingFixture.ProblemsWithStatus(result));
        Assert.All(result.AllChecks(), check => Assert.Equal(CheckStatus.Passed, check.Status));
        Assert.Equal(result.MaxScore, result.Score);
        Assert.Equal("csharp", result.Track);
        Assert.Equal(5, result.Tasks.Length);
        Assert.Contains(result.AllChecks(), check => check.Category == Category.Behaviour);
    }

    [Fact]
    public async Task The_student_template_passes_every_static_check_and_fails_only_behaviour_checks()
    {
        var result = await fixture.GradeAsync(RepositoryPaths.StudentTemplate);

        var problems = result.AllChecks().Where(check => check.Status != CheckStatus.Passed).ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, check => Assert.Equal(Category.Behaviour, check.Category));
        Assert.Contains(result.AllChecks(), check => check.Category == Category.Docs && check.Status == CheckStatus.Passed);
    }

    [Fact]
    public async Task The_same_submission_and_seed_give_byte_identical_json()
    {
        var options = Grader.Core.Engine.GradingOptions.Default with { Seed = 4242 };
        var first = Grader.Core.Reporting.JsonReporter.Serialize(await fixture.GradeAsync(RepositoryPaths.ReferenceSolution, options));

        for (var run = 1; run < 3; run++)
        {
            Assert.Equal(first, Grader.Core.Reporting.JsonReporter.Serialize(await fixture.GradeAsync(RepositoryPaths.ReferenceSolution, options)));
        }
    }
}
