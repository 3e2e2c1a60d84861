using System.Diagnostics;
using Grader.CSharp.ProjectLoader.Contract;

namespace Grader.CSharp.ProjectLoader;

/// <summary>
/// Restores the project, then opens it with MSBuildWorkspace: the report says which of the student's files the
/// project compiles, which assemblies beyond the framework it needs to compile and to run, and, when it cannot be
/// restored or opened, why.
/// </summary>
internal static class ProjectLoad
{
    public static async Task<LoaderReport> RunAsync(LoaderRequest request, CancellationToken cancellationToken)
    {
        var paths = new StudentPaths(Environment.CurrentDirectory);
        var project = Path.GetFullPath(request.Project);
        var name = paths.Relative(project);
        var clock = Stopwatch.StartNew();
        var (exitCode, errorLines) = await Restore.RunAsync(request.DotnetHost, project, cancellationToken).ConfigureAwait(false);
        // MSBuild may set another obj/ folder; the default one is where a plain project's restore writes.
        var assets = AssetsFile.Read(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json"), name);
        var restoreSeconds = clock.Elapsed.TotalSeconds;
        if (exitCode != 0 || assets is null || !assets.Errors.IsEmpty)
        {
            // NuGet's own log is the clearest; MSBuild's error lines cover what fails before NuGet runs.
            var errors = assets is { Errors.IsEmpty: false } ? assets.Errors : [.. errorLines.Select(line => Clean(paths.Relative(line)))];
            return LoaderReport.Failed(request.Nonce, errors.IsEmpty ? [$"{name}: dotnet restore failed (exit code {exitCode}) without an error message."] : errors, restoreSeconds);
        }

        clock.Restart();
        var packs = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.DotnetHost))!, "packs") + Path.DirectorySeparatorChar;
        var loaded = await WorkspaceLoad.OpenAsync(project, packs, request.AssembliesFolder, paths, cancellationToken).ConfigureAwait(false);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        return loaded.Errors.IsEmpty
            ? new LoaderReport(
                request.Nonce,
                [],
                loaded.CompileItems,
                loaded.References,
                loaded.ProjectAssemblies,
                assets.RuntimeFiles,
                assets.Packages,
                loaded.Projects,
                restoreSeconds,
                loadSeconds)
            : LoaderReport.Failed(request.Nonce, loaded.Errors, restoreSeconds, loadSeconds);
    }

    // MSBuild ends an error line with " [the/project.csproj]", which says nothing the start of the line does not.
    private static string Clean(string line)
    {
        var bracket = line.LastIndexOf(" [", StringComparison.Ordinal);
        return bracket > 0 && line.EndsWith(']') ? line[..bracket] : line;
    }
}
