using System.Xml;
using System.Xml.Linq;
using Grader.Core.Submissions;
using Grader.CSharp.Evidence;

namespace Grader.CSharp.Loading;

/// <summary>The submission's project file (the .csproj at its root), read as XML, and whether it needs MSBuild to be understood.</summary>
public static class ProjectFile
{
    /// <summary>Files MSBuild imports into every project below them: a package added there is the project's too.</summary>
    public static IReadOnlyList<string> Imported { get; } = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    public static IReadOnlyList<SubmissionFile> AtRoot(Submission submission) =>
        [.. submission.FilesEndingWith(".csproj").Where(file => !file.Path.Contains('/', StringComparison.Ordinal))];

    /// <summary>The file's XML; throws <see cref="XmlException"/> when it is not well-formed.</summary>
    public static XDocument Parse(SubmissionFile file) => XDocument.Parse(CSharpEvidenceCollector.Text(file), LoadOptions.SetLineInfo);

    /// <summary>
    /// The root project when it, or a Directory.Build file beside it, has a PackageReference or a ProjectReference: what only
    /// a restore and MSBuild resolve. Null otherwise (a plain project, compiled in-process as it is) and when there is not
    /// exactly one well-formed root project (CS-FILE-005 says so).
    /// </summary>
    public static SubmissionFile? NeedingLoad(Submission submission)
    {
        var projects = AtRoot(submission);
        if (projects.Count != 1)
        {
            return null;
        }

        var files = Imported.Select(submission.Find).OfType<SubmissionFile>().Prepend(projects[0]);
        return files.Any(HasReferences) ? projects[0] : null;
    }

    private static bool HasReferences(SubmissionFile file)
    {
        try
        {
            return Parse(file).Descendants().Any(element => element.Name.LocalName is "PackageReference" or "ProjectReference");
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
