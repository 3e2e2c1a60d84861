using System.Collections.Immutable;
using Grader.CSharp.ProjectLoader.Contract;

namespace Grader.CSharp.ProjectLoader;

/// <summary>
/// Restores the project, then opens it with MSBuildWorkspace: the report says which of the student's files the
/// project compiles, which assemblies beyond the framework it needs to compile and to run, and, when it cannot be
/// restored or opened, why.
/// </summary>
internal static class RestoreThenOpen
{
    public static async Task<LoaderReport> RunAsync(LoaderRequest request, CancellationToken cancellationToken)
    {
        var paths = new StudentPaths(Environment.CurrentDirectory);
        var project = Path.GetFullPath(request.Project);
        var name = paths.Relative(project);
        var (exitCode, errorLines) = await Restore.RunAsync(request.DotnetHost, project, cancellationToken).ConfigureAwait(false);
        // MSBuild may set another obj/ folder; the default one is where a plain project's restore writes.
        var assets = AssetsFile.Read(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json"), name);
        if (exitCode != 0 || assets is null || !assets.Errors.IsEmpty)
        {
            // NuGet's own log is the clearest; MSBuild's error lines cover what fails before NuGet runs.
            ImmutableArray<string> errors = assets is { Errors.IsEmpty: false } ? assets.Errors : [.. errorLines.Select(line => Clean(paths.Relative(line)))];
            return LoaderReport.Failed(request.Nonce, errors.IsEmpty ? [NoMessage(name, exitCode)] : errors);
        }

        var packs = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.DotnetHost))!, "packs") + Path.DirectorySeparatorChar;
        var loaded = await WorkspaceLoad.OpenAsync(project, packs, request.AssembliesFolder, paths, cancellationToken).ConfigureAwait(false);
        return loaded.Errors.IsEmpty
            ? new LoaderReport(request.Nonce, [], loaded.CompileItems, loaded.References, loaded.ProjectAssemblies, assets.RuntimeFiles, assets.Packages, loaded.Projects)
            : LoaderReport.Failed(request.Nonce, loaded.Errors);
    }

    private static string NoMessage(string project, int exitCode) => exitCode == 0
        ? $"{project}: the restore wrote no obj/project.assets.json; the grader reads it there, so keep the default obj/ folder "
            + "(no BaseIntermediateOutputPath or MSBuildProjectExtensionsPath)"
        : $"{project}: dotnet restore failed (exit code {exitCode}) without an error message";

    // MSBuild ends an error line with " [the/project.csproj]", which says nothing the start of the line does not.
    private static string Clean(string line)
    {
        var bracket = line.LastIndexOf(" [", StringComparison.Ordinal);
        return bracket > 0 && line.EndsWith(']') ? line[..bracket] : line;
    }
}
