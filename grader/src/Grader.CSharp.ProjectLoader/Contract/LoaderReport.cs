using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Grader.CSharp.ProjectLoader.Contract;

/// <summary>
/// What the project loader learnt, written as JSON to the request's results file. Paths of the student's files are
/// relative to the working copy, with '/' separators; assembly paths are absolute.
/// </summary>
/// <param name="Errors">Why the project could not be restored or loaded, in words a student can act on; empty when it was.</param>
/// <param name="CompileItems">The main project's own C# files (its Compile items, build output left out).</param>
/// <param name="References">Compile-time assemblies beyond the framework's: the packages' reference assemblies.</param>
/// <param name="ProjectAssemblies">The assemblies emitted from the referenced projects (compile-time and run-time).</param>
/// <param name="RuntimeFiles">The packages' run-time assemblies, to be copied next to the program that runs the code.</param>
/// <param name="Packages">The packages restored, as "Id Version".</param>
/// <param name="Projects">The referenced projects, relative to the working copy.</param>
public sealed record LoaderReport(
    string Nonce,
    ImmutableArray<string> Errors,
    ImmutableArray<string> CompileItems,
    ImmutableArray<string> References,
    ImmutableArray<string> ProjectAssemblies,
    ImmutableArray<string> RuntimeFiles,
    ImmutableArray<string> Packages,
    ImmutableArray<string> Projects)
{
    [JsonIgnore]
    public bool Loaded => Errors.IsEmpty;

    /// <summary>False for JSON that left out a list (not written by this loader).</summary>
    [JsonIgnore]
    public bool IsComplete =>
        new[] { Errors, CompileItems, References, ProjectAssemblies, RuntimeFiles, Packages, Projects }.All(list => !list.IsDefault);

    public static LoaderReport Failed(string nonce, ImmutableArray<string> errors) => new(nonce, errors, [], [], [], [], [], []);
}
