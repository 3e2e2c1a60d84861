using Grader.Core.Evidence;
using Grader.Core.Results;
using Grader.Core.Submissions;
using Grader.CSharp.Evidence;
using Grader.CSharp.Loading;
using Grader.CSharp.Tests.Support;

namespace Grader.CSharp.Tests.Loading;

/// <summary>What the loader reports for the gallery's projects with references, and what the grading makes of it.</summary>
[Collection(CSharpGradingCollection.Name)]
public sealed class LoadedProjectTests(CSharpGradingFixture fixture)
{
    [Fact]
    public async Task A_package_s_compile_and_run_time_assemblies_come_from_the_grader_s_package_cache()
    {
        var (load, compiled) = await LoadAsync("package-reference");

        Assert.Equal(ProjectLoadStatus.Loaded, load.Status);
        var package = Path.Combine(CSharpGradingFixture.LoaderSettings.PackagesFolder, "newtonsoft.json", "13.0.3", "lib", "net6.0", "Newtonsoft.Json.dll");
        Assert.Equal([package], load.Report!.References.ToArray());
        Assert.Equal([package], load.RuntimeFiles.ToArray());
        Assert.Empty(compiled.Diagnostics);
    }

    [Fact]
    public async Task A_referenced_project_is_emitted_once_and_its_files_are_not_compiled_into_the_main_project()
    {
        var (load, compiled) = await LoadAsync("project-reference");

        Assert.Equal(ProjectLoadStatus.Loaded, load.Status);
        Assert.Equal(["Helpers/Helpers.csproj"], load.Report!.Projects.ToArray());
        Assert.Equal("Helpers.dll", Path.GetFileName(Assert.Single(load.RuntimeFiles)));
        Assert.DoesNotContain("Helpers/DelayMath.cs", compiled.Trees.Keys);
        Assert.Contains("MeasureRuntime.cs", compiled.Trees.Keys);
        Assert.Empty(compiled.Diagnostics);
    }

    [Fact]
    public async Task A_missing_package_is_one_failure_and_the_compile_checks_wait_for_it()
    {
        var result = await fixture.GradeAsync(Path.Combine(RepositoryPaths.Gallery, "missing-package"));

        var references = Assert.Single(result.Project, check => check.Id == "CS-FILE-006");
        Assert.Equal(CheckStatus.Failed, references.Status);
        Assert.Contains("NU1101: Unable to find package No.Such.Package.", references.Message, StringComparison.Ordinal);
        Assert.All(result.Tasks, task =>
            Assert.Equal("Not checked until CS-FILE-006 passes.", Assert.Single(task.Checks, check => check.Id == "CS-SYN-001").Message));
    }

    private async Task<(ProjectLoad Load, CSharpEvidence Compiled)> LoadAsync(string gallery)
    {
        var submission = SubmissionLoader.Load(Path.Combine(RepositoryPaths.Gallery, gallery));
        var loader = new SandboxedProjectLoader(fixture.Runner, fixture.Track.Host.Sdk, CSharpGradingFixture.LoaderSettings);
        using var scratch = ScratchSpace.Create();
        var load = await loader.LoadAsync(submission, scratch, CancellationToken.None);
        // Compiled while the scratch (and the emitted assemblies) still exist, as the grading does.
        return (load, CSharpEvidenceCollector.Compile(fixture.Track.Host, submission, load));
    }
}
