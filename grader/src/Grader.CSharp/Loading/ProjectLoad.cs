using System.Collections.Immutable;
using Grader.CSharp.ProjectLoader.Contract;
using Microsoft.CodeAnalysis;

namespace Grader.CSharp.Loading;

/// <summary>
/// What loading the submission's project gave: for a loaded project, the student's files it compiles and the assemblies
/// beyond the framework it needs to compile and to run; otherwise why there are none.
/// </summary>
/// <param name="Project">The project file, relative to the submission; null when nothing was loaded.</param>
/// <param name="Errors">The restore's or the load's errors (Failed), or what went wrong with the loader (TimedOut, Crashed).</param>
/// <param name="Report">The loader's report, when the project loaded.</param>
/// <param name="References">Compile-time assemblies for this submission only: packages, then referenced projects.</param>
/// <param name="RuntimeFiles">Files to copy next to the program that runs the student's code.</param>
public sealed record ProjectLoad(
    ProjectLoadStatus Status,
    string? Project,
    ImmutableArray<string> Errors,
    LoaderReport? Report,
    ImmutableArray<MetadataReference> References,
    ImmutableArray<string> RuntimeFiles,
    TimeSpan Elapsed)
{
    public static readonly ProjectLoad NotNeeded = new(ProjectLoadStatus.NotNeeded, null, [], null, [], [], TimeSpan.Zero);

    /// <summary>True when the code can be compiled as its project builds it: plain, or loaded.</summary>
    public bool Usable => Status is ProjectLoadStatus.NotNeeded or ProjectLoadStatus.Loaded;

    /// <summary>The student's files the project compiles; null when every .cs file outside bin/ and obj/ is (no project loaded).</summary>
    public ImmutableArray<string>? CompileItems => Report?.CompileItems;

    public static ProjectLoad Loaded(string project, LoaderReport report, TimeSpan elapsed) => new(
        ProjectLoadStatus.Loaded,
        project,
        [],
        report,
        [.. report.References.Concat(report.ProjectAssemblies).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))],
        [.. report.RuntimeFiles.Concat(report.ProjectAssemblies)],
        elapsed);

    public static ProjectLoad NotLoaded(ProjectLoadStatus status, string project, ImmutableArray<string> errors, TimeSpan elapsed) =>
        new(status, project, errors, null, [], [], elapsed);
}
