using System.Xml;
using System.Xml.Linq;
using Grader.Core.Checks;
using Grader.Core.Results;
using Grader.CSharp.Compiling;

namespace Grader.CSharp.Checks.Files;

/// <summary>CS-FILE-005: one .csproj at the root, a net10.0 library with nullable enabled and no package or project references.</summary>
internal sealed class ProjectFileSettings : IProjectCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-FILE-005",
        "Project file targets net10.0 with nullable enabled",
        Category.Files,
        CheckScope.Project,
        "Exactly one .csproj is at the root of the project folder; it sets TargetFramework to net10.0 and Nullable to enable, "
        + "and has no PackageReference or ProjectReference (the tasks need only the framework).",
        "The grader compiles your code as this project would be built, against the framework alone; a second project, another framework "
        + "or a package means another program, which it does not build.",
        "Keep one .csproj next to your task files with <TargetFramework>net10.0</TargetFramework> and <Nullable>enable</Nullable>, and no references.",
        "<TargetFramework>net6.0</TargetFramework> and no <Nullable>",
        "<TargetFramework>net10.0</TargetFramework>\\n<Nullable>enable</Nullable>",
        []);

    public CheckOutcome Evaluate(ProjectCheckContext context)
    {
        var projects = context.Submission.FilesEndingWith(".csproj").Where(file => !file.Path.Contains('/', StringComparison.Ordinal)).ToList();
        if (projects.Count != 1)
        {
            return CheckOutcome.Fail(
                projects.Count == 0
                    ? "There is no .csproj at the root of your project folder: add the class-library project file from the template."
                    : $"There are {projects.Count} .csproj files at the root ({string.Join(", ", projects.Select(p => p.Path))}): keep exactly one.",
                [new Finding(projects.FirstOrDefault()?.Path, null, null, null, $"{projects.Count} project files")]);
        }

        var project = projects[0];
        XDocument document;
        try
        {
            document = XDocument.Parse(Evidence.CSharpEvidenceCollector.Text(project));
        }
        catch (XmlException exception)
        {
            return CheckOutcome.Fail($"{project.Path}:{exception.LineNumber}: the project file is not valid XML: {exception.Message}",
                [new Finding(project.Path, exception.LineNumber, exception.LinePosition, null, "invalid XML")]);
        }

        var framework = Property(document, "TargetFramework");
        var nullable = Property(document, "Nullable");
        var problems = new List<string>();
        if (framework != DotnetSdk.TargetFramework)
        {
            problems.Add($"TargetFramework is '{framework ?? "missing"}', expected '{DotnetSdk.TargetFramework}'");
        }

        if (!string.Equals(nullable, "enable", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Nullable is '{nullable ?? "missing"}', expected 'enable'");
        }

        // The in-process compile sees the framework only; a package would need a restore and MSBuild, which the grader does not run.
        problems.AddRange(document.Descendants()
            .Where(element => element.Name.LocalName is "PackageReference" or "ProjectReference")
            .Select(element => $"{element.Name.LocalName} '{element.Attribute("Include")?.Value}' is not allowed: the tasks need only the framework"));

        return problems.Count == 0
            ? CheckOutcome.Pass($"{project.Path} targets {DotnetSdk.TargetFramework} with nullable enabled.")
            : CheckOutcome.Fail($"{project.Path}: {string.Join("; ", problems)}.", [.. problems.Select(problem => new Finding(project.Path, null, null, null, problem))]);
    }

    private static string? Property(XDocument document, string name) =>
        document.Descendants().LastOrDefault(element => element.Name.LocalName == name && element.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();
}
