using System.Collections.Immutable;
using System.Text.Json;
using Grader.Core.Processes;
using Grader.Core.Tests.Support;
using Grader.Python.Tools;

namespace Grader.Core.Tests.Python.Differential;

/// <summary>One generated submission and what variant.json says of it.</summary>
internal sealed record DifferentialVariant(string Id, string Folder, int Task, string Family, ImmutableArray<string> Mutations, int Seed, bool Sample);

/// <summary>The corpus, generated afresh by corpus.py into a scratch folder, so the test always runs what the script writes.</summary>
internal sealed class DifferentialCorpus(ImmutableArray<DifferentialVariant> variants)
{
    public static string Script => Path.Combine(RepositoryPaths.Root, "grader", "tests", "Grader.Core.Tests", "Fixtures", "differential", "corpus.py");

    public int Count => variants.Length;

    public static async Task<DifferentialCorpus> GenerateAsync(IProcessRunner runner, PythonInterpreter python, string folder, string home)
    {
        var request = new ProcessRequest(
            python.Path,
            ["-B", Script, folder],
            home,
            PythonChildEnvironment.For(home, null),
            null,
            TimeSpan.FromMinutes(2));
        var outcome = await runner.RunAsync(request, CancellationToken.None);
        Assert.True(outcome.Succeeded, "corpus.py failed: " + outcome.StandardError.Text);

        var found = ImmutableArray.CreateBuilder<DifferentialVariant>();
        foreach (var directory in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            using var meta = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "variant.json")));
            var root = meta.RootElement;
            found.Add(new DifferentialVariant(
                root.GetProperty("id").GetString()!,
                directory,
                root.GetProperty("task").GetInt32(),
                root.GetProperty("family").GetString()!,
                [.. root.GetProperty("mutations").EnumerateArray().Select(item => item.GetString()!)],
                root.GetProperty("seed").GetInt32(),
                root.GetProperty("sample").GetBoolean()));
        }

        return new DifferentialCorpus(found.ToImmutable());
    }

    /// <summary>The variants to run: the sample (no selection), all ("all"), or those whose id holds one of the comma-separated words.</summary>
    public ImmutableArray<DifferentialVariant> Select(string? selection) => selection switch
    {
        null or "" => [.. variants.Where(variant => variant.Sample)],
        "all" => variants,
        _ => [.. variants.Where(variant => selection.Split(',').Any(word => variant.Id.Contains(word, StringComparison.Ordinal)))],
    };
}
