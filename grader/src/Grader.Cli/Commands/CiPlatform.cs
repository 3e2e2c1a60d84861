using System.Collections.Immutable;

namespace Grader.Cli.Commands;

/// <summary>
/// The CI or grading platform 'grader ci' runs on, detected from the environment, and the reports it expects by
/// default: GitHub Actions (annotations, job summary, json), GitLab CI (JUnit for the merge request widget,
/// Markdown), Gradescope (results.json where the platform reads it). Anywhere else 'ci' is 'check'.
/// </summary>
internal sealed record CiPlatform(string Name, string? DefaultFolder, ImmutableArray<string> Reports)
{
    public static CiPlatform Detect(IReadOnlyDictionary<string, string?> environment, string gradescopeRoot, string outputFolder)
    {
        // Gradescope sets no variable of its own; its containers are recognised by the folder it mounts.
        if (Directory.Exists(gradescopeRoot))
        {
            return new CiPlatform("Gradescope", Path.Combine(gradescopeRoot, "submission"), [$"gradescope={Path.Combine(gradescopeRoot, "results", "results.json")}"]);
        }

        if (IsTrue(environment, "GITHUB_ACTIONS"))
        {
            return new CiPlatform("GitHub Actions", null, ["github=-", $"json={Path.Combine(outputFolder, "result.json")}"]);
        }

        if (IsTrue(environment, "GITLAB_CI"))
        {
            return new CiPlatform("GitLab CI", null, [$"junit={Path.Combine(outputFolder, "junit.xml")}", $"markdown={Path.Combine(outputFolder, "report.md")}"]);
        }

        return new CiPlatform("no CI", null, []);
    }

    /// <summary>The folder from the repository root (the workspace), as annotations and code scanning name files.</summary>
    public static string SourceRoot(IReadOnlyDictionary<string, string?> environment, string folder)
    {
        var workspace = environment.GetValueOrDefault("GITHUB_WORKSPACE") is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();
        var relative = Path.GetRelativePath(Path.GetFullPath(workspace), Path.GetFullPath(folder)).Replace('\\', '/');
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? string.Empty : relative;
    }

    private static bool IsTrue(IReadOnlyDictionary<string, string?> environment, string name) =>
        string.Equals(environment.GetValueOrDefault(name), "true", StringComparison.OrdinalIgnoreCase);
}
