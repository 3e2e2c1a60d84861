using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Grader.Core.Checks;
using Grader.Core.Results;
using Grader.CSharp.Loading;
using Grader.CSharp.ProjectLoader.Contract;

namespace Grader.CSharp.Checks.Files;

/// <summary>CS-FILE-006: the project's package and project references restore and load, as dotnet build needs them to.</summary>
internal sealed partial class UnresolvedReferences : IProjectCheck
{
    private const int Listed = 5;

    public CheckDescriptor Descriptor { get; } = new(
        "CS-FILE-006",
        "The project's references resolve",
        Category.Files,
        CheckScope.Project,
        "When the .csproj (or a Directory.Build file beside it) has PackageReference or ProjectReference items, the grader restores "
        + "the project and opens it with MSBuild, in a sandbox, as dotnet build would: every package must exist on the feed, every "
        + "referenced project must load and compile. A project without references passes at once.",
        "A reference that does not resolve stops dotnet build before it compiles a line: none of the code can be compiled or run, so "
        + "the checks that need the compiler wait for this one.",
        "Run dotnet restore, then dotnet build, in your project folder and fix the first error: the package's exact id and a version "
        + "that exists on nuget.org, the path of the referenced .csproj, or the referenced project's own compiler errors.",
        "<PackageReference Include=\"Newtonsoft.Jsn\" Version=\"13.0.3\" />   <!-- no such package -->",
        "<PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" />",
        []);

    public CheckOutcome Evaluate(ProjectCheckContext context)
    {
        if (context.Evidence.CSharp() is not { } evidence)
        {
            return CheckOutcome.Error("The C# compiler did not run, so the project's references were not resolved; please report it.");
        }

        var load = evidence.Load;
        return load.Status switch
        {
            ProjectLoadStatus.NotNeeded => CheckOutcome.Pass("The project has no package or project references: nothing to restore."),
            ProjectLoadStatus.Loaded => CheckOutcome.Pass($"{load.Project} was restored and loaded: {Resolved(load.Report!)}."),
            ProjectLoadStatus.Failed => Failed(load),
            ProjectLoadStatus.TimedOut => CheckOutcome.TimedOut(
                $"The grader stopped {load.Errors[0]}: a package download that hangs, or a target of the project that never ends? "
                + "The checks that need the compiler are skipped."),
            _ => CheckOutcome.Error($"The grader's project loader failed on {load.Project}: {load.Errors[0]}. Please report it."),
        };
    }

    private static CheckOutcome Failed(ProjectLoad load)
    {
        ImmutableArray<Finding> findings = [.. load.Errors.Select(error => Locate(error, load.Project!))];
        var first = findings[0];
        // "AsyncBasics.csproj: error NU1101: ..." need not name the project a second time.
        var error = first is { Line: null, Code: not null } && first.File == load.Project ? $"{first.Code}: {first.Message}" : load.Errors[0];
        return CheckOutcome.Fail(
            $"dotnet build would stop on {load.Project} before compiling anything: {error.TrimEnd('.')}"
            + (findings.Length > 1 ? $" ({CSharpCheckAccess.Count(findings.Length, "error")} in all, listed below)." : "."),
            findings);
    }

    private static string Resolved(LoaderReport report)
    {
        var parts = new List<string>();
        if (!report.Packages.IsEmpty)
        {
            parts.Add($"{CSharpCheckAccess.Count(report.Packages.Length, "package")} ({List(report.Packages)})");
        }

        if (!report.Projects.IsEmpty)
        {
            parts.Add($"{CSharpCheckAccess.Count(report.Projects.Length, "referenced project")} ({List(report.Projects)})");
        }

        return parts.Count == 0 ? "nothing beyond the framework" : string.Join(" and ", parts);
    }

    private static string List(IReadOnlyList<string> items) =>
        string.Join(", ", items.Take(Listed)) + (items.Count > Listed ? $" and {items.Count - Listed} more" : string.Empty);

    // "Helpers/DelayMath.cs:3:5: error CS1002: ; expected" or "AsyncBasics.csproj: error NU1101: Unable to find package X".
    private static Finding Locate(string error, string project)
    {
        var match = ErrorLine().Match(error);
        return match.Success
            ? new Finding(
                match.Groups["file"].Value,
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : null,
                match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture) : null,
                match.Groups["code"].Value,
                match.Groups["message"].Value)
            : new Finding(project, null, null, null, error);
    }

    [GeneratedRegex(@"^(?<file>[^\s:][^:]*?)(?::(?<line>\d+):(?<column>\d+))?: error (?<code>[A-Z]+\d+): (?<message>.+)$")]
    private static partial Regex ErrorLine();
}
