using System.Collections.Immutable;
using System.Text;
using Grader.Core.Submissions;
using Grader.CSharp.Loading;

namespace Grader.CSharp.Tests.Loading;

public sealed class ProjectFileTests
{
    private const string Plain = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>";
    private const string WithPackage = "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"A\" Version=\"1.0.0\" /></ItemGroup></Project>";
    private const string WithProject = "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"Lib/Lib.csproj\" /></ItemGroup></Project>";

    public static TheoryData<string, string[], string?> Cases() => new()
    {
        { "a plain project is compiled in-process", ["App.csproj", Plain], null },
        { "a package reference needs a restore", ["App.csproj", WithPackage], "App.csproj" },
        { "a project reference needs MSBuild", ["App.csproj", WithProject], "App.csproj" },
        { "a package added in Directory.Build.props counts", ["App.csproj", Plain, "Directory.Build.props", WithPackage], "App.csproj" },
        { "a reference in a subfolder's project alone does not", ["App.csproj", Plain, "Lib/Lib.csproj", WithPackage], null },
        { "two root projects: CS-FILE-005's to report", ["App.csproj", WithPackage, "Other.csproj", Plain], null },
        { "broken XML: CS-FILE-005's to report", ["App.csproj", "<Project><PackageReference"], null },
        { "no project at all", ["Program.cs", "class P {}"], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_a_root_project_with_references_is_loaded(string why, string[] files, string? expected)
    {
        var submission = new Submission("/nowhere/s", Enumerable.Range(0, files.Length / 2).ToImmutableSortedDictionary(
            index => files[2 * index],
            index => new SubmissionFile(files[2 * index], [.. Encoding.UTF8.GetBytes(files[(2 * index) + 1])], false),
            StringComparer.Ordinal));

        Assert.True(expected == ProjectFile.NeedingLoad(submission)?.Path, why);
    }
}
