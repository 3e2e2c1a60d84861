using Grader.Core.Results;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Engine;

[Collection(GradingCollection.Name)]
public sealed class MissingToolsTests(GradingFixture fixture)
{
    [Fact]
    public async Task Without_pycodestyle_the_style_checks_report_error_with_the_install_command_and_the_rest_goes_on()
    {
        var result = await fixture.GradeAsync(RepositoryPaths.ReferenceSolution, tools: fixture.Tools with { Pycodestyle = null });

        var style = result.AllChecks().Where(check => check.Category == Category.Style).ToList();
        Assert.NotEmpty(style);
        Assert.All(style, check =>
        {
            Assert.Equal(CheckStatus.Error, check.Status);
            Assert.Contains("apt-get install -y pycodestyle", check.Message, StringComparison.Ordinal);
        });
        Assert.All(result.AllChecks().Where(check => check.Category != Category.Style), check => Assert.Equal(CheckStatus.Passed, check.Status));
        Assert.Contains("pycodestyle is not installed", result.Tools["pycodestyle"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Python_37_the_code_runs_on_python3_and_the_report_says_so()
    {
        var result = await fixture.GradeAsync(RepositoryPaths.ReferenceSolution, tools: fixture.Tools with { Target = fixture.Tools.Analysis });

        Assert.Equal(result.MaxScore, result.Score);
        Assert.Contains("static compat checks judge 3.7 compatibility", result.Tools["python"], StringComparison.Ordinal);
    }
}
