namespace Grader.Core.Provisioning;

/// <summary>A program the grader (or its test suite) runs and can install from the system's packages when it is missing.</summary>
/// <param name="Command">The command looked up on PATH.</param>
/// <param name="DebianPackage">The Debian package that provides it.</param>
/// <param name="Purpose">What it is for, as the end of "... is needed for ...".</param>
public sealed record SystemTool(string Command, string DebianPackage, string Purpose)
{
    /// <summary>The one command a user who cannot be installed for runs themselves.</summary>
    public string InstallCommand => $"sudo apt-get install -y {DebianPackage}";
}
