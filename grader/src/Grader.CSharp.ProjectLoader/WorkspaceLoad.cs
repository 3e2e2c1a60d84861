using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.MSBuild;

namespace Grader.CSharp.ProjectLoader;

/// <summary>What MSBuildWorkspace made of the restored project.</summary>
internal sealed record WorkspaceLoad(
    ImmutableArray<string> Errors,
    ImmutableArray<string> CompileItems,
    ImmutableArray<string> References,
    ImmutableArray<string> ProjectAssemblies,
    ImmutableArray<string> Projects)
{
    private const int MaxErrorsPerProject = 10;

    /// <summary>
    /// Opens the project (a design-time build in MSBuildWorkspace's BuildHost process, a child of this one), then
    /// compiles every project it references, directly or not, and emits each into <paramref name="assembliesFolder"/>.
    /// </summary>
    public static async Task<WorkspaceLoad> OpenAsync(string projectPath, string packsFolder, string assembliesFolder, StudentPaths paths, CancellationToken cancellationToken)
    {
        using var workspace = MSBuildWorkspace.Create(new Dictionary<string, string>(StringComparer.Ordinal) { ["Configuration"] = "Debug" });
        var failures = new List<string>();
        using var registration = workspace.RegisterWorkspaceFailedHandler(failed =>
        {
            if (failed.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                lock (failures)
                {
                    failures.Add(paths.Relative(failed.Diagnostic.Message));
                }
            }
        });

        Project project;
        try
        {
            project = await workspace.OpenProjectAsync(projectPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A project MSBuild cannot evaluate (broken XML, a missing import) is the student's to fix.
            return Failed([$"{paths.Relative(projectPath)} could not be opened: {paths.Relative(exception.Message)}"]);
        }

        if (failures.Count > 0)
        {
            return Failed([.. failures]);
        }

        var errors = new List<string>();
        var emitted = new List<string>();
        var graph = project.Solution.GetProjectDependencyGraph();
        var referenced = graph.GetProjectsThatThisProjectTransitivelyDependsOn(project.Id);
        foreach (var id in graph.GetTopologicallySortedProjects(cancellationToken).Where(referenced.Contains))
        {
            var (assembly, problems) = await EmitAsync(project.Solution.GetProject(id)!, assembliesFolder, paths, cancellationToken).ConfigureAwait(false);
            errors.AddRange(problems);
            emitted.AddRange(assembly is null ? [] : [assembly]);
        }

        if (errors.Count > 0)
        {
            return Failed([.. errors]);
        }

        return new WorkspaceLoad(
            [],
            [.. project.Documents.Select(document => document.FilePath).OfType<string>().Select(paths.Relative).Where(StudentPaths.IsOwnSource).Order(StringComparer.Ordinal)],
            [
                .. project.MetadataReferences.OfType<PortableExecutableReference>().Select(reference => reference.FilePath).OfType<string>()
                    .Where(path => !path.StartsWith(packsFolder, StringComparison.Ordinal))
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal),
            ],
            [.. emitted],
            [.. referenced.Select(id => project.Solution.GetProject(id)!.FilePath).OfType<string>().Select(paths.Relative).Order(StringComparer.Ordinal)]);
    }

    private static WorkspaceLoad Failed(ImmutableArray<string> errors) => new(errors, [], [], [], []);

    // A referenced project is the student's helper library: it must compile, since the main project uses its assembly.
    private static async Task<(string? Assembly, IEnumerable<string> Errors)> EmitAsync(Project project, string folder, StudentPaths paths, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{project.FilePath} has no compilation (not a C# project?).");
        var path = Path.Combine(folder, project.AssemblyName + ".dll");
        Directory.CreateDirectory(folder);
        EmitResult result;
        using (var stream = File.Create(path))
        {
            result = compilation.Emit(stream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded), cancellationToken: cancellationToken);
        }

        var name = paths.Relative(project.FilePath ?? project.Name);
        return result.Success
            ? (path, [])
            : (null, result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Take(MaxErrorsPerProject).Select(diagnostic => Describe(diagnostic, name, paths)));
    }

    private static string Describe(Diagnostic diagnostic, string project, StudentPaths paths)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = span.Path is { Length: > 0 } file
            ? string.Create(CultureInfo.InvariantCulture, $"{paths.Relative(file)}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}")
            : project;
        return $"{where}: error {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)} (in the referenced project {project})";
    }
}
