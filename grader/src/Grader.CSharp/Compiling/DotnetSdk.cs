using Grader.Core.Engine;
using Microsoft.Build.Locator;

namespace Grader.CSharp.Compiling;

/// <summary>
/// The installed .NET SDK the C# track compiles against and runs with: its reference assemblies
/// (packs/Microsoft.NETCore.App.Ref), the shared runtime and the <c>dotnet</c> host. Found with
/// Microsoft.Build.Locator, as MSBuild-based tools find it.
/// </summary>
/// <param name="SdkVersion">The SDK's version (10.0.401).</param>
/// <param name="DotnetHost">The <c>dotnet</c> executable that runs the behaviour harness.</param>
/// <param name="ReferenceFolder">The folder of the reference assemblies compiled against.</param>
/// <param name="RuntimeVersion">The version of the shared runtime (10.0.12) the harness runs on.</param>
public sealed record DotnetSdk(string SdkVersion, string DotnetHost, string ReferenceFolder, string RuntimeVersion)
{
    /// <summary>The target framework of the assignment's projects; the SDK must ship its reference assemblies.</summary>
    public const string TargetFramework = "net10.0";

    private const int TargetMajor = 10;

    /// <summary>The SDK's root folder, which holds the host, the shared runtime and the packs.</summary>
    public string Root => Path.GetDirectoryName(DotnetHost)!;

    public static DotnetSdk Locate()
    {
        var instance = MSBuildLocator.QueryVisualStudioInstances()
            .Where(candidate => candidate.Version.Major >= TargetMajor)
            .OrderByDescending(candidate => candidate.Version)
            .FirstOrDefault()
            ?? throw GraderSetupException.InvalidOption("--track csharp", $"no .NET SDK {TargetMajor} or newer was found: install the .NET {TargetMajor} SDK.");

        // MSBuildPath is <root>/sdk/<version>/.
        var root = Path.GetFullPath(Path.Combine(instance.MSBuildPath, "..", ".."));
        var references = Newest(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref"));
        var runtime = Newest(Path.Combine(root, "shared", "Microsoft.NETCore.App"));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        if (references is null || runtime is null || !File.Exists(host))
        {
            throw GraderSetupException.InvalidOption("--track csharp", $"the .NET SDK in {root} has no {TargetFramework} reference assemblies or runtime: install the .NET {TargetMajor} SDK.");
        }

        return new DotnetSdk(
            instance.Version.ToString(),
            host,
            Path.Combine(references, "ref", TargetFramework),
            Path.GetFileName(runtime));
    }

    private static string? Newest(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder)
                .Where(path => Version.TryParse(Path.GetFileName(path), out var version) && version.Major == TargetMajor)
                .OrderByDescending(path => Version.Parse(Path.GetFileName(path)))
                .FirstOrDefault()
            : null;
}
