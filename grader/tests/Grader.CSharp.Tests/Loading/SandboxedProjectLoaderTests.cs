using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Core.Submissions;
using Grader.CSharp.Loading;
using Grader.CSharp.Tests.Support;

namespace Grader.CSharp.Tests.Loading;

/// <summary>
/// The project loader runs the student's MSBuild targets: they must stay inside its sandbox (scratch HOME, working
/// copy) and die with it at the time limit, the restore's processes and MSBuildWorkspace's BuildHost included.
/// </summary>
[Collection(CSharpGradingCollection.Name)]
public sealed class SandboxedProjectLoaderTests(CSharpGradingFixture fixture) : IDisposable
{
    private readonly string source = Directory.CreateTempSubdirectory("grader-hostile-").FullName;

    public static TheoryData<string, string, int> HostileTargets() => new()
    {
        // Runs inside 'dotnet restore', a child of the loader.
        { "restore", "BeforeTargets=\"Restore;CollectPackageReferences\"", 10 },
        // Runs in the design-time build, inside MSBuildWorkspace's BuildHost (after a restore that succeeds).
        { "design-time", "BeforeTargets=\"ResolveAssemblyReferences\"", 25 },
    };

    [Theory]
    [MemberData(nameof(HostileTargets))]
    public async Task A_target_that_never_ends_is_killed_at_the_time_limit_with_every_process_it_started(string stage, string when, int seconds)
    {
        var submission = HostileSubmission(when);
        var loader = new SandboxedProjectLoader(fixture.Runner, fixture.Track.Host.Sdk, CSharpGradingFixture.LoaderSettings with { Timeout = TimeSpan.FromSeconds(seconds) });
        using var scratch = ScratchSpace.Create();
        var home = Path.Combine(scratch.Root, "project-load", "home");

        var (load, seen) = await SandboxProcesses.WatchAsync(home, () => loader.LoadAsync(submission, scratch, CancellationToken.None));

        Assert.Equal(ProjectLoadStatus.TimedOut, load.Status);
        Assert.InRange(load.Elapsed.TotalSeconds, seconds, seconds + 10);
        Assert.Contains(seen, process => process.Contains("sleep 6171", StringComparison.Ordinal));
        // An orphan (its parent exited at once) is outside the loader's process tree but still in its process group.
        Assert.Contains(seen, process => process.Contains("sleep 6172", StringComparison.Ordinal));
        if (stage == "design-time")
        {
            Assert.Contains(seen, process => process.Contains("BuildHost", StringComparison.Ordinal));
        }

        var leftovers = SandboxProcesses.WithHome(home);
        Assert.True(leftovers.Count == 0, "still running after the time limit:\n" + SandboxProcesses.Describe(leftovers));
        // What the target wrote landed in the scratch HOME and the working copy, never in the real ones.
        Assert.True(File.Exists(Path.Combine(home, "hostile-home.txt")), $"the target ({stage}) did not write to the scratch HOME");
        Assert.True(File.Exists(Path.Combine(scratch.Root, "project-load", "submission", "hostile-cwd.txt")));
        Assert.False(File.Exists(Path.Combine(Environment.GetEnvironmentVariable("HOME")!, "hostile-home.txt")));
        Assert.False(File.Exists(Path.Combine(source, "hostile-cwd.txt")));
    }

    [Fact]
    public async Task Configuration_left_in_the_folders_above_the_working_copy_does_not_reach_the_restore_or_the_load()
    {
        // Each of these, found by the search up from the project's folder, would make the load fail.
        var above = Directory.CreateTempSubdirectory("grader-planted-").FullName;
        const string PlantedTarget = "<Project InitialTargets=\"Planted\"><Target Name=\"Planted\"><Error Text=\"planted above\" /></Target></Project>";
        File.WriteAllText(Path.Combine(above, "Directory.Build.props"), PlantedTarget);
        File.WriteAllText(Path.Combine(above, "Directory.Build.targets"), PlantedTarget);
        // Central package management refuses the project's own Version attributes (NU1008).
        File.WriteAllText(Path.Combine(above, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(above, "Directory.Build.rsp"), "-no-such-switch\n");
        File.WriteAllText(Path.Combine(above, "global.json"), """{ "sdk": { "version": "1.0.100", "rollForward": "disable" } }""");
        File.WriteAllText(Path.Combine(above, "NuGet.Config"), """
            <configuration>
              <packageSources><clear /><add key="planted" value="https://127.0.0.1:9/v3/index.json" /></packageSources>
              <packageSourceMapping><packageSource key="planted"><package pattern="*" /></packageSource></packageSourceMapping>
            </configuration>
            """);
        try
        {
            var loader = new SandboxedProjectLoader(fixture.Runner, fixture.Track.Host.Sdk, CSharpGradingFixture.LoaderSettings);
            using var scratch = ScratchSpace.CreateIn(above);

            var load = await loader.LoadAsync(SubmissionLoader.Load(Path.Combine(RepositoryPaths.Gallery, "package-reference")), scratch, CancellationToken.None);

            Assert.True(load.Status == ProjectLoadStatus.Loaded, $"{load.Status}: {string.Join(" | ", load.Errors)}");
        }
        finally
        {
            Directory.Delete(above, recursive: true);
        }
    }

    [Fact]
    public async Task A_plain_project_starts_no_loader()
    {
        var runner = new SpyProcessRunner();
        var loader = new SandboxedProjectLoader(runner, fixture.Track.Host.Sdk, CSharpGradingFixture.LoaderSettings);
        using var scratch = ScratchSpace.Create();

        var load = await loader.LoadAsync(SubmissionLoader.Load(RepositoryPaths.ReferenceSolution), scratch, CancellationToken.None);

        Assert.Equal(ProjectLoadStatus.NotNeeded, load.Status);
        Assert.Empty(runner.Requests);
    }

    [Fact]
    public async Task A_loader_that_ends_without_a_report_is_a_crash_with_its_last_words()
    {
        var runner = new SpyProcessRunner(new ProcessOutcome(134, false, CapturedOutput.Empty, new CapturedOutput("Unhandled exception. Boom", string.Empty, 25, 0), TimeSpan.FromSeconds(1)));
        var loader = new SandboxedProjectLoader(runner, fixture.Track.Host.Sdk, CSharpGradingFixture.LoaderSettings);
        using var scratch = ScratchSpace.Create();

        var load = await loader.LoadAsync(SubmissionLoader.Load(Path.Combine(RepositoryPaths.Gallery, "package-reference")), scratch, CancellationToken.None);

        Assert.Equal(ProjectLoadStatus.Crashed, load.Status);
        Assert.Equal("it ended (exit code 134) without a report: Unhandled exception. Boom", Assert.Single(load.Errors));
        var request = Assert.Single(runner.Requests);
        Assert.True(request.OwnProcessGroup);
        Assert.Equal(Path.Combine(scratch.Root, "project-load", "home"), request.Environment["HOME"]);
        Assert.Equal(CSharpGradingFixture.LoaderSettings.PackagesFolder, request.Environment["NUGET_PACKAGES"]);
        Assert.Equal("1", request.Environment["MSBUILDDISABLENODEREUSE"]);
    }

    public void Dispose() => Directory.Delete(source, recursive: true);

    private Submission HostileSubmission(string when)
    {
        File.WriteAllText(Path.Combine(source, "Hostile.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
              </ItemGroup>
              <Target Name="Hostile" {when}>
                <Exec Command="echo pwned &gt; $(HOME)/hostile-home.txt; echo pwned &gt; hostile-cwd.txt; (sleep 6172 &gt; /dev/null 2&gt;&amp;1 &amp;); sleep 6171" />
              </Target>
            </Project>
            """);
        File.WriteAllText(Path.Combine(source, "Empty.cs"), "namespace Hostile;\n");
        return SubmissionLoader.Load(source);
    }
}
