using System.Collections.Immutable;
using System.Text;
using Grader.CSharp.Compiling;
using Grader.CSharp.Evidence;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Grader.CSharp.Behaviour;

/// <summary>
/// Builds the behaviour program: the student's trees, rewritten onto virtual time and spies, compiled with the
/// harness sources into one console assembly (embedded PDB, so stack traces name the student's lines), plus the
/// runtimeconfig.json that lets <c>dotnet harness.dll</c> run it on the shared framework (and, for a project with
/// references, their assemblies). The harness sources are parsed once and kept with the warm compiler host.
/// </summary>
public sealed class HarnessBuilder(CompilerHost host, ImmutableArray<SyntaxTree> harness)
{
    public const string EntryType = "GraderHarness.Program";

    /// <summary>Reads the harness sources (<c>harness/**/*.cs</c> of the assignment) once.</summary>
    public static HarnessBuilder Load(CompilerHost host, string harnessFolder) => new(
        host,
        [
            .. Directory.EnumerateFiles(harnessFolder, "*.cs", SearchOption.AllDirectories)
                .Where(path => !CSharpEvidenceCollector.IsBuildOutput(Path.GetRelativePath(harnessFolder, path).Replace('\\', '/')))
                .Order(StringComparer.Ordinal)
                .Select(path => host.Parse(File.ReadAllText(path), "<harness>/" + Path.GetRelativePath(harnessFolder, path).Replace('\\', '/'))),
        ]);

    /// <summary>Compiles the given student files (rewritten) with the harness into <paramref name="folder"/>; the first error when it fails.</summary>
    public string? Build(CSharpEvidence compiled, IEnumerable<string> studentPaths, ImmutableHashSet<string> spiedMethods, string folder)
    {
        var rewritten = studentPaths
            .Select(path => compiled.TreeOf(path))
            .OfType<SyntaxTree>()
            .Select(tree => CSharpSyntaxTree.Create(
                (CSharpSyntaxNode)new VirtualTimeRewriter(compiled.ModelOf(tree), spiedMethods).Visit(tree.GetRoot()),
                host.ParseOptions,
                tree.FilePath,
                Encoding.UTF8));
        var compilation = host.Compile("harness", [.. rewritten, .. harness], OutputKind.ConsoleApplication, EntryType, compiled.Load.References);
        Directory.CreateDirectory(folder);
        using (var assembly = File.Create(Path.Combine(folder, "harness.dll")))
        {
            var result = compilation.Emit(assembly, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
            if (!result.Success)
            {
                var error = result.Diagnostics.First(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
                return $"{error.Location.GetLineSpan().Path}:{error.Location.GetLineSpan().StartLinePosition.Line + 1}: {error.Id} {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            }
        }

        File.WriteAllText(Path.Combine(folder, "harness.runtimeconfig.json"), RuntimeConfig(host.Sdk));
        // Without a deps.json the host puts every assembly of the app's folder on the list it loads from: the packages'
        // run-time assemblies and the referenced projects' go next to harness.dll.
        foreach (var file in compiled.Load.RuntimeFiles)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        return null;
    }

    // The GC heap limit is the harness's memory cap: allocation beyond it fails with OutOfMemoryException.
    private static string RuntimeConfig(DotnetSdk sdk) => $$"""
        {
          "runtimeOptions": {
            "tfm": "{{DotnetSdk.TargetFramework}}",
            "framework": { "name": "Microsoft.NETCore.App", "version": "{{sdk.RuntimeVersion}}" },
            "configProperties": {
              "System.GC.HeapHardLimit": {{HarnessRunner.HeapLimitBytes}},
              "System.GC.Server": false,
              "System.Globalization.Invariant": true
            }
          }
        }
        """;
}
