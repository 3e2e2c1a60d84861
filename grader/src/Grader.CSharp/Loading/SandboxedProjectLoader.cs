using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Core.Sandbox;
using Grader.Core.Submissions;
using Grader.CSharp.Compiling;
using Grader.CSharp.ProjectLoader.Contract;

namespace Grader.CSharp.Loading;

/// <summary>
/// Restores and opens a submission's project with the project loader, in a sandbox like the harness's: a fresh copy
/// of the submission as working directory, fenced from configuration in the folders above it
/// (<see cref="ParentFolderFence"/>), a scratch HOME, a cleaned environment, its own process group (the restore,
/// MSBuild and MSBuildWorkspace's BuildHost included) killed at the time limit, capped output. The report comes back
/// through a nonce-tagged file outside the copy, never stdout, which the student's targets share. Only projects with
/// package or project references are loaded: a plain project costs nothing here.
/// </summary>
public sealed class SandboxedProjectLoader(IProcessRunner runner, DotnetSdk sdk, ProjectLoaderSettings settings)
{
    /// <summary>Output kept per stream: enough for the end of a crash's stack trace.</summary>
    public const int CapturedOutputBytes = 64 * 1024;

    public async Task<ProjectLoad> LoadAsync(Submission submission, ScratchSpace scratch, CancellationToken cancellationToken)
    {
        if (ProjectFile.NeedingLoad(submission) is not { } project)
        {
            return ProjectLoad.NotNeeded;
        }

        var folder = scratch.NewFolder("project-load");
        ParentFolderFence.Write(folder);
        var copy = WorkingCopy.Create(submission, Path.Combine(folder, "submission"));
        var home = Directory.CreateDirectory(Path.Combine(folder, "home")).FullName;
        var results = Path.Combine(folder, "report.json");
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var loaderRequest = new LoaderRequest(project.Path, results, nonce, sdk.DotnetHost, Path.Combine(folder, "assemblies"));
        var outcome = await runner.RunAsync(
            new ProcessRequest(
                sdk.DotnetHost,
                [settings.LoaderAssembly],
                copy,
                Environment(home),
                JsonSerializer.Serialize(loaderRequest, LoaderJson.Default.LoaderRequest),
                settings.Timeout,
                CapturedOutputBytes,
                OwnProcessGroup: true),
            cancellationToken).ConfigureAwait(false);

        if (outcome.TimedOut)
        {
            return ProjectLoad.NotLoaded(ProjectLoadStatus.TimedOut, project.Path, [$"restoring and loading {project.Path} after {Seconds(settings.Timeout)} s"], outcome.Elapsed);
        }

        var report = LoaderJson.Read(results, nonce);
        if (report is null)
        {
            var why = outcome.StartError ?? $"it ended (exit code {outcome.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}) without a report: {LastLines(outcome)}";
            return ProjectLoad.NotLoaded(ProjectLoadStatus.Crashed, project.Path, [why], outcome.Elapsed);
        }

        if (!report.Loaded)
        {
            return ProjectLoad.NotLoaded(ProjectLoadStatus.Failed, project.Path, report.Errors, outcome.Elapsed);
        }

        try
        {
            return ProjectLoad.Loaded(project.Path, report, outcome.Elapsed);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            // The assemblies are read after the loader ended: gone, or not assemblies, they are the loader's fault (or a target's).
            return ProjectLoad.NotLoaded(ProjectLoadStatus.Crashed, project.Path, [$"an assembly it reported cannot be read: {exception.Message}"], outcome.Elapsed);
        }
    }

    private ImmutableSortedDictionary<string, string> Environment(string home)
    {
        var dotnetRoot = Path.GetDirectoryName(sdk.DotnetHost)!;
        var variables = new Dictionary<string, string>(settings.PassedEnvironment, StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["TMPDIR"] = home,
            ["DOTNET_CLI_HOME"] = home,
            // MSBuildWorkspace starts its BuildHost with the dotnet on PATH, MSBuild its nodes with DOTNET_HOST_PATH.
            ["PATH"] = dotnetRoot + ":/usr/local/bin:/usr/bin:/bin",
            ["DOTNET_ROOT"] = dotnetRoot,
            ["DOTNET_HOST_PATH"] = sdk.DotnetHost,
            ["NUGET_PACKAGES"] = settings.PackagesFolder,
            // NuGet's lock files live here: shared, so loads running side by side do not extract a package at once.
            ["NUGET_SCRATCH"] = settings.PackagesFolder + "-scratch",
            ["LANG"] = "C.UTF-8",
            // Nothing may outlive the sandbox: no MSBuild node reuse, no build servers.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true",
            ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
        };
        return variables.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    // A .NET crash writes its exception to stderr; short output sits wholly in the capture's head.
    private static string LastLines(ProcessOutcome outcome)
    {
        var stream = outcome.StandardError.TotalBytes > 0 ? outcome.StandardError : outcome.StandardOutput;
        var lines = stream.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no output" : string.Join(" | ", lines.TakeLast(3));
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
