using System.CommandLine;
using Grader.Cli.Packaging;
using Grader.Core.Engine;

namespace Grader.Cli.Commands;

/// <summary><c>grader package gradescope &lt;dir&gt;</c>: writes an autograder bundle for a grading platform.</summary>
internal static class PackageCommand
{
    public static Command Create(GraderApp app, CliConsole console)
    {
        var folder = new Argument<string>("dir") { Description = "The folder to write the bundle into (created when missing)." };
        var package = new Option<string?>("--nupkg")
        {
            Description = "The grader's tool package (grader.<version>.nupkg from 'dotnet pack grader/src/Grader.Cli -o <folder>'); default: the package this grader was installed from.",
        };
        var gradescope = new Command("gradescope", "Write a Gradescope autograder: setup.sh, run_autograder, the grader's .nupkg, and autograder.zip holding them to upload.\n"
            + "Exit codes: 0 written, 2 the package is not found or the folder cannot be written.")
        {
            folder, package,
        };
        gradescope.SetAction((parse, _) => console.GuardAsync(async () =>
        {
            var nupkg = parse.GetValue(package)
                ?? GradescopeBundle.FindOwnPackage(app.BaseDirectory, GraderApp.GraderVersion)
                ?? throw GraderSetupException.InvalidOption("--nupkg", $"this grader was not installed from a package; pack it with 'dotnet pack grader/src/Grader.Cli -o <folder>' and pass --nupkg <folder>/grader.{GraderApp.GraderVersion}.nupkg.");
            IReadOnlyList<string> written;
            try
            {
                written = GradescopeBundle.Write(parse.GetValue(folder)!, nupkg, GraderApp.GraderVersion);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw GraderSetupException.InvalidOption("dir", $"cannot write the bundle: {exception.Message}");
            }

            foreach (var path in written)
            {
                await console.Out.WriteLineAsync($"wrote {path}");
            }

            await console.Out.WriteLineAsync($"Upload {GradescopeBundle.ZipName} as the assignment's autograder (Gradescope: Configure Autograder, Zip file upload, Ubuntu image).");
            return ExitCodes.AllPassed;
        }));
        return new Command("package", "Write an autograder bundle that installs and runs this grader on a grading platform.") { gradescope };
    }
}
