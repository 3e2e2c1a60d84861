using System.Collections.Immutable;

namespace Grader.Core.Provisioning;

/// <summary>What the provisioner may do on this machine, read once from the process's surroundings.</summary>
/// <param name="SearchPath">PATH, where tools and apt-get are looked for.</param>
/// <param name="MayInstall">False when the user said GRADER_NO_INSTALL=1: the grader then only says what to run.</param>
/// <param name="IsRoot">apt-get installs only as root; anyone else is told the sudo command instead.</param>
/// <param name="LockPath">The file that keeps two grader processes from running apt-get at once.</param>
public sealed record ProvisionerSettings(string SearchPath, bool MayInstall, bool IsRoot, string LockPath)
{
    public const string NoInstallVariable = "GRADER_NO_INSTALL";

    public static ProvisionerSettings FromEnvironment(IReadOnlyDictionary<string, string?> environment) => new(
        environment.GetValueOrDefault("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
        environment.GetValueOrDefault(NoInstallVariable) != "1",
        Environment.IsPrivilegedProcess,
        Path.Combine(Path.GetTempPath(), "grader-install.lock"));

    /// <summary>The whole environment of apt-get and dpkg-query: a plain locale and PATH, nothing of the grader's.</summary>
    public ImmutableSortedDictionary<string, string> ToolEnvironment => ImmutableSortedDictionary.CreateRange(
        StringComparer.Ordinal, new Dictionary<string, string> { ["LANG"] = "C.UTF-8", ["PATH"] = SearchPath });

    /// <summary>The first file named <paramref name="command"/> in a folder of PATH, or null.</summary>
    public string? Find(string command) =>
        SearchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, command))
            .FirstOrDefault(File.Exists);
}
