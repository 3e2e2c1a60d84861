using System.Xml;
using System.Xml.Linq;
using Grader.Core.Checks;
using Grader.Core.Results;
using Grader.CSharp.Compiling;
using Grader.CSharp.Loading;

namespace Grader.CSharp.Checks.Files;

/// <summary>CS-FILE-005: one .csproj at the root, a net10.0 library with nullable enabled.</summary>
internal sealed class ProjectFileSettings : IProjectCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-FILE-005",
        "Project file targets net10.0 with nullable enabled",
        Category.Files,
        CheckScope.Project,
        "Exactly one .csproj is at the root of the project folder; it sets TargetFramework to net10.0 and Nullable to enable. "
        + "Package and project references are allowed: CS-FILE-006 checks that they resolve.",
        "The grader compiles your code as this project would be built, for net10.0 with nullable reference types; a second project "
        + "at the root or another framework means another program, which it does not build.",
        "Keep one .csproj next to your task files with <TargetFramework>net10.0</TargetFramework> and <Nullable>enable</Nullable>; "
        + "put a helper library of your own in a subfolder with its own .csproj.",
        "<TargetFramework>net6.0</TargetFramework> and no <Nullable>",
        "<TargetFramework>net10.0</TargetFramework>\\n<Nullable>enable</Nullable>",
        []);

    public CheckOutcome Evaluate(ProjectCheckContext context)
    {
        var projects = ProjectFile.AtRoot(context.Submission);
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
            document = ProjectFile.Parse(project);
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

        return problems.Count == 0
            ? CheckOutcome.Pass($"{project.Path} targets {DotnetSdk.TargetFramework} with nullable enabled.")
            : CheckOutcome.Fail($"{project.Path}: {string.Join("; ", problems)}.", [.. problems.Select(problem => new Finding(project.Path, null, null, null, problem))]);
    }

    private static string? Property(XDocument document, string name) =>
        document.Descendants().LastOrDefault(element => element.Name.LocalName == name && element.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();
}
