using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Grader.CSharp.Compiling;

/// <summary>
/// Compiles C# in-process with Roslyn against the SDK's reference assemblies, as <c>dotnet build</c> would for a
/// net10.0 class library with implicit usings and nullable enabled. The references are read once and kept, so in
/// a batch every compilation after the first costs tens of milliseconds. Thread-safe: it holds immutable state only.
/// </summary>
public sealed class CompilerHost
{
    /// <summary>The language version the SDK uses for net10.0 projects.</summary>
    public static readonly LanguageVersion LanguageVersion = LanguageVersion.CSharp14;

    // The implicit usings of Microsoft.NET.Sdk for a class library (what dotnet build generates into GlobalUsings.g.cs).
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;

        """;

    public const string ImplicitUsingsPath = "obj/GlobalUsings.g.cs";

    private readonly Lazy<ImmutableArray<MetadataReference>> references;

    // The formatter needs a workspace for its services (MEF composition, about a second to build): made once, kept warm.
    private readonly Lazy<Microsoft.CodeAnalysis.Workspace> formattingWorkspace = new(() => new Microsoft.CodeAnalysis.AdhocWorkspace());

    public CompilerHost(DotnetSdk sdk)
    {
        Sdk = sdk;
        references = new Lazy<ImmutableArray<MetadataReference>>(() =>
        [
            .. Directory.EnumerateFiles(sdk.ReferenceFolder, "*.dll")
                .Order(StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
        ]);
    }

    public DotnetSdk Sdk { get; }

    public CSharpParseOptions ParseOptions { get; } = new(LanguageVersion, DocumentationMode.Diagnose);

    public ImmutableArray<MetadataReference> References => references.Value;

    /// <summary>A workspace whose only use is Roslyn's formatter, with its default options (those of dotnet format's whitespace rules).</summary>
    public Microsoft.CodeAnalysis.Workspace FormattingWorkspace => formattingWorkspace.Value;

    public SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, ParseOptions, path, System.Text.Encoding.UTF8);

    public SyntaxTree ImplicitUsingsTree() => Parse(ImplicitUsings, ImplicitUsingsPath);

    /// <summary>A compilation of the given trees (plus the implicit usings) as a library or a console program.</summary>
    /// <param name="extraReferences">
    /// Assemblies beyond the framework for this compilation only (a project's packages and referenced projects); the
    /// host's own references stay as they are, so one warm host serves every submission.
    /// </param>
    public CSharpCompilation Compile(
        string assemblyName,
        IEnumerable<SyntaxTree> trees,
        OutputKind kind = OutputKind.DynamicallyLinkedLibrary,
        string? mainTypeName = null,
        ImmutableArray<MetadataReference> extraReferences = default) =>
        CSharpCompilation.Create(
            assemblyName,
            [ImplicitUsingsTree(), .. trees],
            extraReferences.IsDefaultOrEmpty ? References : References.AddRange(extraReferences),
            new CSharpCompilationOptions(
                kind,
                mainTypeName: mainTypeName,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Debug,
                deterministic: true,
                concurrentBuild: false));
}
