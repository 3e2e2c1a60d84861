using System.Collections.Immutable;

namespace Grader.Core.Intake;

/// <summary>Where the project folder is inside a submission, or why none was found.</summary>
/// <param name="RelativePath">'/'-separated path under the submission's root, "" for the root itself; null when none.</param>
/// <param name="TaskFiles">How many of the task files the folder holds directly.</param>
/// <param name="Notes">Why this folder, when that was not obvious (ambiguity, a named folder without task files).</param>
/// <param name="Problem">Why there is no project folder, when <paramref name="RelativePath"/> is null.</param>
public sealed record ProjectFolder(string? RelativePath, int TaskFiles, ImmutableArray<string> Notes, string? Problem)
{
    public bool Found => RelativePath is not null;

    public static ProjectFolder NotFound(string problem) => new(null, 0, [], problem);

    /// <summary>The absolute path of the project folder under <paramref name="root"/>.</summary>
    public string? Under(string root) => RelativePath switch
    {
        null => null,
        "" => root,
        _ => Path.Combine(root, RelativePath.Replace('/', Path.DirectorySeparatorChar)),
    };

    internal static string Display(string relativePath) => relativePath.Length == 0 ? "the top folder" : $"'{relativePath}/'";
}
