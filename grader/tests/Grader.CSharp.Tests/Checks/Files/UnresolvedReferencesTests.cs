using System.Collections.Immutable;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Results;
using Grader.Core.Submissions;
using Grader.CSharp.Checks.Files;
using Grader.CSharp.Evidence;
using Grader.CSharp.Loading;
using Grader.CSharp.ProjectLoader.Contract;
using Grader.CSharp.Tests.Support;

namespace Grader.CSharp.Tests.Checks.Files;

[Collection(CSharpGradingCollection.Name)]
public sealed class UnresolvedReferencesTests(CSharpGradingFixture fixture)
{
    private const string Project = "AsyncBasics.csproj";

    [Fact]
    public void A_plain_project_passes_with_nothing_to_restore()
    {
        var outcome = Evaluate(ProjectLoad.NotNeeded);

        Assert.Equal(CheckStatus.Passed, outcome.Status);
        Assert.Equal("The project has no package or project references: nothing to restore.", outcome.Message);
    }

    [Fact]
    public void A_loaded_project_passes_and_names_what_it_resolved()
    {
        var report = new LoaderReport("n", [], ["Tasks.cs"], [], [], [], ["Newtonsoft.Json 13.0.3"], ["Helpers/Helpers.csproj"]);

        var outcome = Evaluate(ProjectLoad.Loaded(Project, report, TimeSpan.FromSeconds(3)));

        Assert.Equal(CheckStatus.Passed, outcome.Status);
        Assert.Equal(
            "AsyncBasics.csproj was restored and loaded: 1 package (Newtonsoft.Json 13.0.3) and 1 referenced project (Helpers/Helpers.csproj).",
            outcome.Message);
    }

    [Fact]
    public void A_missing_package_fails_with_the_restore_s_own_words()
    {
        var outcome = Evaluate(ProjectLoad.NotLoaded(
            ProjectLoadStatus.Failed,
            Project,
            ["AsyncBasics.csproj: error NU1101: Unable to find package No.Such.Package. No packages exist with this id in source(s): nuget.org"],
            TimeSpan.FromSeconds(2)));

        Assert.Equal(CheckStatus.Failed, outcome.Status);
        Assert.Equal(
            "dotnet build would stop on AsyncBasics.csproj before compiling anything: NU1101: Unable to find package No.Such.Package. "
            + "No packages exist with this id in source(s): nuget.org.",
            outcome.Message);
        Assert.Equal(new Finding(Project, null, null, "NU1101", "Unable to find package No.Such.Package. No packages exist with this id in source(s): nuget.org"), Assert.Single(outcome.Findings));
    }

    [Fact]
    public void A_referenced_project_that_does_not_compile_fails_at_its_line()
    {
        string[] errors =
        [
            "Helpers/DelayMath.cs:10:66: error CS1002: ; expected (in the referenced project Helpers/Helpers.csproj)",
            "Helpers/DelayMath.cs:11:1: error CS1513: } expected (in the referenced project Helpers/Helpers.csproj)",
        ];

        var outcome = Evaluate(ProjectLoad.NotLoaded(ProjectLoadStatus.Failed, Project, [.. errors], TimeSpan.FromSeconds(2)));

        Assert.Equal(CheckStatus.Failed, outcome.Status);
        Assert.EndsWith($"{errors[0]} (2 errors in all, listed below).", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(new Finding("Helpers/DelayMath.cs", 10, 66, "CS1002", "; expected (in the referenced project Helpers/Helpers.csproj)"), outcome.Findings[0]);
    }

    [Theory]
    [InlineData(ProjectLoadStatus.TimedOut, CheckStatus.Timeout)]
    [InlineData(ProjectLoadStatus.Crashed, CheckStatus.Error)]
    public void A_loader_stopped_or_crashed_is_never_a_pass(ProjectLoadStatus status, CheckStatus expected)
    {
        var outcome = Evaluate(ProjectLoad.NotLoaded(status, Project, ["restoring and loading AsyncBasics.csproj after 120 s"], TimeSpan.FromSeconds(120)));

        Assert.Equal(expected, outcome.Status);
        Assert.Contains("AsyncBasics.csproj", outcome.Message, StringComparison.Ordinal);
    }

    private CheckOutcome Evaluate(ProjectLoad load)
    {
        var submission = new Submission("/nowhere/s", ImmutableSortedDictionary<string, SubmissionFile>.Empty);
        var evidence = TestEvidence.With(
            ImmutableSortedDictionary<string, object>.Empty.Add(CSharpEvidence.Key, CSharpEvidenceCollector.Compile(fixture.Track.Host, submission, load)));
        var assignment = AssignmentLoader.Load(RepositoryPaths.Assignment);
        return new UnresolvedReferences().Evaluate(new ProjectCheckContext(assignment, submission, evidence, GradingOptions.Default));
    }
}
