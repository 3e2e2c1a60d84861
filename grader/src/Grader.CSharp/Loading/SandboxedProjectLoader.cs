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

    /// <summary>The tmpfs a load may fill: the copy with its obj/ and bin/, HOME, NuGet's and MSBuild's scratch files.</summary>
    public const long PrivateBytes = 512L * 1024 * 1024;

    public Task<ProjectLoad> LoadAsync(Submission submission, ScratchSpace scratch, CancellationToken cancellationToken) =>
        LoadAsync(submission, scratch, ChildSandbox.Unconfined, cancellationToken);

    public async Task<ProjectLoad> LoadAsync(Submission submission, ScratchSpace scratch, ChildSandbox sandbox, CancellationToken cancellationToken)
    {
        if (ProjectFile.NeedingLoad(submission) is not { } project)
        {
            return ProjectLoad.NotNeeded;
        }

        var folder = scratch.NewFolder("project-load");
        ParentFolderFence.Write(folder);
        var copy = WorkingCopy.Create(submission, Path.Combine(folder, "submission"));
        var home = Directory.CreateDirectory(Path.Combine(folder, "home")).FullName;
        // A folder of its own: the loader writes its report under a temporary name and renames it, which a file bound
        // through a sandbox would refuse.
        var reportFolder = Directory.CreateDirectory(Path.Combine(folder, "report")).FullName;
        var results = Path.Combine(reportFolder, "report.json");
        var assemblies = Directory.CreateDirectory(Path.Combine(folder, "assemblies")).FullName;
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var loaderRequest = new LoaderRequest(project.Path, results, nonce, sdk.DotnetHost, assemblies);
        var request = new ProcessRequest(
            sdk.DotnetHost,
            [settings.LoaderAssembly],
            copy,
            Environment(home),
            JsonSerializer.Serialize(loaderRequest, LoaderJson.Default.LoaderRequest),
            settings.Timeout,
            CapturedOutputBytes,
            OwnProcessGroup: true);
        // Under bubblewrap only: the uid sandbox would have to hand the shared package cache to each run's uid.
        var outcome = sandbox.Isolation.Level == IsolationLevel.Namespaces
            ? await sandbox.RunAsync(runner, request, View(folder, copy, home, reportFolder, assemblies), cancellationToken).ConfigureAwait(false)
            : await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);

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

    // The SDK, the loader and the fence files above the copy read-only (the grader's rules beside the loader hidden),
    // the load's folder a fresh tmpfs holding copies of the submission and HOME; the report, the built assemblies and
    // the shared package cache pass through. The network stays: a restore downloads packages.
    private SandboxView View(string folder, string copy, string home, string reportFolder, string assemblies)
    {
        Directory.CreateDirectory(settings.PackagesFolder);
        Directory.CreateDirectory(settings.PackagesFolder + "-scratch");
        var loaderFolder = Path.GetDirectoryName(Path.GetFullPath(settings.LoaderAssembly))!;
        var rules = Path.Combine(loaderFolder, "checks");
        return new SandboxView(
            folder,
            [copy, home],
            [reportFolder, assemblies, settings.PackagesFolder, settings.PackagesFolder + "-scratch"],
            [sdk.Root, loaderFolder, .. Directory.GetFiles(folder)],
            copy,
            PrivateBytes,
            new ChildLimits(CpuSeconds: (int)settings.Timeout.TotalSeconds * 2, Processes: 1024, OpenFiles: 4096))
        {
            Masked = Directory.Exists(rules) ? [rules] : [],
            Network = true,
        };
    }

    private ImmutableSortedDictionary<string, string> Environment(string home)
    {
        var dotnetRoot = sdk.Root;
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
