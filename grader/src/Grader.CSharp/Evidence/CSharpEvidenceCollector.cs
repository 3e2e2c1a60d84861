using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Core.Submissions;
using Grader.CSharp.Compiling;
using Grader.CSharp.Loading;
using Microsoft.CodeAnalysis;

namespace Grader.CSharp.Evidence;

/// <summary>
/// The C# track's evidence: parses every .cs file of the submission and compiles them together in-process with
/// the warm <see cref="CompilerHost"/>, then lets the assignment's sources (the behaviour harness) use the result.
/// A project with package or project references is first restored and loaded by the sandboxed project loader, and
/// then compiled the same way with the files and extra references it reported.
/// </summary>
public sealed class CSharpEvidenceCollector(CompilerHost host, SandboxedProjectLoader loader, IReadOnlyList<ICSharpEvidenceSource> sources) : IEvidenceCollector
{
    public async Task<SubmissionEvidence> CollectAsync(EvidenceRequest request, CancellationToken cancellationToken)
    {
        var load = await loader.LoadAsync(request.Submission, request.Scratch, request.Options.Sandbox, cancellationToken).ConfigureAwait(false);
        var compiled = Compile(host, request.Submission, load);
        var extras = ImmutableSortedDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
        extras[CSharpEvidence.Key] = compiled;
        foreach (var source in sources)
        {
            extras[source.Key] = await source.CollectAsync(compiled, request, cancellationToken).ConfigureAwait(false);
        }

        return new SubmissionEvidence(extras.ToImmutable());
    }

    /// <summary>Parses and compiles a plain submission's C# files (no emit).</summary>
    public static CSharpEvidence Compile(CompilerHost host, Submission submission) => Compile(host, submission, ProjectLoad.NotNeeded);

    /// <summary>
    /// Parses and compiles a submission's C# files (no emit): those its loaded project compiles, with the project's
    /// extra references, or every source file when no project was loaded. The files are read from the snapshot, not
    /// from the loader's working copy, which the student's targets could have changed.
    /// </summary>
    public static CSharpEvidence Compile(CompilerHost host, Submission submission, ProjectLoad load)
    {
        var files = load.CompileItems is { } items ? items.Select(submission.Find).OfType<SubmissionFile>() : SourceFiles(submission);
        var trees = files
            .Where(file => file.Path.EndsWith(".cs", StringComparison.Ordinal))
            .ToImmutableSortedDictionary(file => file.Path, file => host.Parse(Text(file), file.Path), StringComparer.Ordinal);
        var compilation = host.Compile("Submission", trees.Values, extraReferences: load.References);
        var diagnostics = compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning
                && diagnostic.Location.SourceTree?.FilePath is { } path && trees.ContainsKey(path))
            .ToImmutableArray();
        return new CSharpEvidence(host, trees, compilation, diagnostics, load);
    }

    /// <summary>The submission's own .cs files: build output (bin/, obj/) is not the student's source.</summary>
    public static IEnumerable<SubmissionFile> SourceFiles(Submission submission) =>
        submission.FilesEndingWith(".cs").Where(file => !IsBuildOutput(file.Path));

    public static bool IsBuildOutput(string path) =>
        path.Split('/').SkipLast(1).Any(folder => folder is "bin" or "obj");

    public static string Text(SubmissionFile file) => Encoding.UTF8.GetString(file.Content.AsSpan()).TrimStart('\uFEFF');

    public ImmutableSortedDictionary<string, string> DescribeTools(SubmissionEvidence evidence) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["dotnet_sdk"] = host.Sdk.SdkVersion,
            ["reference_assemblies"] = $"Microsoft.NETCore.App.Ref ({DotnetSdk.TargetFramework})",
            ["roslyn"] = typeof(Compilation).Assembly.GetName().Version?.ToString() ?? "unknown",
            ["language_version"] = CompilerHost.LanguageVersion.ToString(),
            ["runtime"] = host.Sdk.RuntimeVersion,
        });

    public ImmutableSortedDictionary<string, string> DescribeSettings(GradingOptions options) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["clock"] = "virtual",
            ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
        });
}
