using System.Collections.Immutable;

namespace Grader.Core.Processes;

/// <summary>The whole environment a child process gets: nothing of the grader's own environment leaks in.</summary>
public static class ChildEnvironment
{
    public static ImmutableSortedDictionary<string, string> For(string scratchHome, string? path) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["HOME"] = scratchHome,
            ["LANG"] = "C.UTF-8",
            ["LC_ALL"] = "C.UTF-8",
            ["PATH"] = string.IsNullOrEmpty(path) ? "/usr/local/bin:/usr/bin:/bin" : path,
            ["TMPDIR"] = scratchHome,
        });
}
