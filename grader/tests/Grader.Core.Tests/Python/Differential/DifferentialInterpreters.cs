using System.Collections.Immutable;
using Grader.Python.Tools;

namespace Grader.Core.Tests.Python.Differential;

/// <summary>The interpreters the corpus is compared under: the grader's target (3.7) and 3.11, from pyenv.</summary>
internal sealed record DifferentialInterpreters(ImmutableArray<PythonInterpreter> Found, ImmutableArray<string> Missing)
{
    private static readonly ImmutableArray<Version> Wanted = [new(3, 7), new(3, 11)];

    public static DifferentialInterpreters Find(PythonInterpreter? target, IReadOnlyDictionary<string, string?> environment)
    {
        var root = environment.GetValueOrDefault("PYENV_ROOT") ?? Path.Combine(environment.GetValueOrDefault("HOME") ?? "/root", ".pyenv");
        var versions = Path.Combine(root, "versions");
        var pyenv = Directory.Exists(versions)
            ? Directory.EnumerateDirectories(versions)
                .Select(folder => (Version: Version.TryParse(Path.GetFileName(folder), out var version) ? version : null, Binary: Path.Combine(folder, "bin", "python3")))
                .Where(entry => entry.Version is not null && File.Exists(entry.Binary))
                .Select(entry => new PythonInterpreter(entry.Binary, entry.Version!, "pyenv versions folder"))
                .OrderByDescending(found => found.Version)
                .ToList()
            : [];
        var found = ImmutableArray.CreateBuilder<PythonInterpreter>();
        var missing = ImmutableArray.CreateBuilder<string>();
        foreach (var wanted in Wanted)
        {
            var match = target is not null && target.Matches(wanted) ? target : pyenv.FirstOrDefault(python => python.Matches(wanted));
            if (match is null)
            {
                missing.Add(wanted.ToString(2));
            }
            else
            {
                found.Add(match);
            }
        }

        return new DifferentialInterpreters(found.ToImmutable(), missing.ToImmutable());
    }
}
