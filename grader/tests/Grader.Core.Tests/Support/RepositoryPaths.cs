namespace Grader.Core.Tests.Support;

/// <summary>Finds the repository's folders from the test binary, so tests read the real fixtures and rules in place.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Assignment => Path.Combine(Root, "checks", "python-async");

    public static string ReferenceSolution => Path.Combine(Root, "reference-solution", "python");

    public static string StudentTemplate => Path.Combine(Root, "student-template", "python");

    public static string Gallery => Path.Combine(Root, "grader", "tests", "Grader.Core.Tests", "Fixtures", "submissions");

    public static string StyleCorpus => Path.Combine(Root, "grader", "tests", "Grader.Core.Tests", "Fixtures", "style-corpus");

    public static string StyleProfileDoc => Path.Combine(Root, "checks", "STYLE-PROFILE.md");

    public static string Docs => Path.Combine(Root, "docs", "checks");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "grader", "Grader.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (a folder with grader/Grader.slnx) above " + AppContext.BaseDirectory);
    }
}
