using System.IO.Compression;
using Grader.Core.Engine;
using Grader.Core.IO;

namespace Grader.Cli.Packaging;

/// <summary>
/// A Gradescope autograder: setup.sh (installs .NET, pycodestyle and this grader from the package in the bundle,
/// so Gradescope's image needs no NuGet feed), run_autograder (grades /autograder/submission into
/// /autograder/results/results.json), the .nupkg, and autograder.zip holding the three, ready to upload.
/// </summary>
internal static class GradescopeBundle
{
    public const string ZipName = "autograder.zip";

    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode Executable = Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static IReadOnlyList<string> Write(string folder, string package, string version)
    {
        Directory.CreateDirectory(folder);
        var packageName = Path.GetFileName(package);
        var files = new List<(string Name, string Path, UnixFileMode Mode)>
        {
            ("setup.sh", WriteScript(folder, "setup.sh", SetupScript(version)), Executable),
            ("run_autograder", WriteScript(folder, "run_autograder", RunScript), Executable),
            (packageName, CopyPackage(package, folder), Readable),
        };
        var zip = Path.Combine(folder, ZipName);
        WriteZip(zip, files);
        return [.. files.Select(file => file.Path), zip];
    }

    /// <summary>The tool package the running grader was installed from ('dotnet tool install' keeps it a few folders up).</summary>
    public static string? FindOwnPackage(string baseDirectory, string version)
    {
        var name = $"grader.{version}.nupkg";
        for (var folder = new DirectoryInfo(baseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string WriteScript(string folder, string name, string content)
    {
        var path = Path.Combine(folder, name);
        AtomicFile.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, Executable);
        }

        return path;
    }

    private static string CopyPackage(string package, string folder)
    {
        if (!File.Exists(package))
        {
            throw GraderSetupException.InvalidOption("--nupkg", $"'{package}' does not exist: build it with 'dotnet pack grader/src/Grader.Cli -o <folder>'.");
        }

        var target = Path.Combine(folder, Path.GetFileName(package));
        if (!string.Equals(Path.GetFullPath(package), Path.GetFullPath(target), StringComparison.Ordinal))
        {
            File.Copy(package, target, overwrite: true);
        }

        return target;
    }

    // Gradescope unzips the bundle into /autograder/source; the scripts need their executable bit in the zip.
    private static void WriteZip(string zip, IEnumerable<(string Name, string Path, UnixFileMode Mode)> files)
    {
        var temporary = zip + ".tmp";
        using (var archive = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            foreach (var (name, path, mode) in files)
            {
                var entry = archive.CreateEntryFromFile(path, name, CompressionLevel.Optimal);
                // The high 16 bits are the unix mode: a regular file (0x8000) with these permissions.
                entry.ExternalAttributes = (int)(0x8000 | (uint)mode) << 16;
            }
        }

        File.Move(temporary, zip, overwrite: true);
    }

    private static string SetupScript(string version) => $$"""
        #!/usr/bin/env bash
        # Gradescope runs this once, as root, while it builds the autograder image (Ubuntu), with the bundle in
        # /autograder/source. It installs what the grader needs: the .NET SDK (a .NET tool installs with it),
        # python3 and pycodestyle, bubblewrap (the sandbox; where the container gives no namespaces the grader falls
        # back to a uid of its own per run, since Gradescope runs it as root), then the grader itself from the package
        # beside this script (no NuGet feed).
        set -euo pipefail

        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates curl python3 pycodestyle bubblewrap

        curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
        bash /tmp/dotnet-install.sh --channel 10.0 --install-dir /usr/share/dotnet
        ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet
        export DOTNET_ROOT=/usr/share/dotnet DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

        dotnet tool install --tool-path /autograder/tools --add-source /autograder/source grader --version {{version}} --ignore-failed-sources
        /autograder/tools/grader doctor || true

        """;

    private const string RunScript = """
        #!/usr/bin/env bash
        # Gradescope runs this for every submission, then reads /autograder/results/results.json.
        # 'grader ci' sees /autograder and grades /autograder/submission into that file; add options such as
        # --waive-exec-bit (uploads lose file modes) or --reveal-hidden at the end of the grader line.
        set -uo pipefail
        export DOTNET_ROOT=/usr/share/dotnet DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

        /autograder/tools/grader ci /autograder/submission
        # Exit code 1 means a check failed, which is a grade, not a broken autograder: results.json holds it.
        exit 0

        """;
}
