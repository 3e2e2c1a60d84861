namespace Grader.CSharp.ProjectLoader;

/// <summary>The student reads paths relative to their project folder (the working copy), not the sandbox's.</summary>
internal sealed class StudentPaths(string root)
{
    private readonly string root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    /// <summary>A path made relative to the working copy; in a message, every mention of the working copy is dropped.</summary>
    public string Relative(string text) =>
        Path.IsPathFullyQualified(text) && text.StartsWith(root, StringComparison.Ordinal)
            ? text[root.Length..].Replace('\\', '/')
            : text.Replace(root, string.Empty, StringComparison.Ordinal);

    /// <summary>A file of the student's own: inside the working copy, outside any bin/ or obj/ folder.</summary>
    public static bool IsOwnSource(string relative) =>
        !Path.IsPathFullyQualified(relative) && !relative.StartsWith("../", StringComparison.Ordinal)
        && !relative.Split('/').SkipLast(1).Any(folder => folder is "bin" or "obj");
}
