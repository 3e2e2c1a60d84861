using System.Collections.Immutable;
using Grader.Core.Processes;

namespace Grader.Core.Provisioning;

/// <summary>Says where an installed program came from, for <c>grader doctor</c>: the Debian package that owns it, if any.</summary>
public sealed class PackageOrigin(IProcessRunner runner, ProvisionerSettings settings)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>"Debian package pycodestyle 2.10.0-1", or null when no package owns the file (pip, pyenv, a hand-built tool).</summary>
    public async Task<string?> DescribeAsync(string path, CancellationToken cancellationToken)
    {
        if (settings.Find("dpkg-query") is not { } dpkgQuery)
        {
            return null;
        }

        // dpkg records the path the package shipped, which may sit behind a symbolic link (/usr/bin/x -> /etc/alternatives/x).
        var real = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        foreach (var candidate in new[] { path, real }.Distinct(StringComparer.Ordinal))
        {
            var owner = await QueryAsync(dpkgQuery, ["-S", candidate], cancellationToken).ConfigureAwait(false);
            var package = owner?.Split(':', 2)[0].Trim();
            if (!string.IsNullOrEmpty(package) && !package.Contains(' ', StringComparison.Ordinal))
            {
                var version = await QueryAsync(dpkgQuery, ["-W", "-f=${Version}", package], cancellationToken).ConfigureAwait(false);
                return $"Debian package {package}{(string.IsNullOrWhiteSpace(version) ? string.Empty : " " + version.Trim())}";
            }
        }

        return null;
    }

    private async Task<string?> QueryAsync(string dpkgQuery, ImmutableArray<string> arguments, CancellationToken cancellationToken)
    {
        var outcome = await runner.RunAsync(
            new ProcessRequest(
                dpkgQuery,
                arguments,
                "/",
                settings.ToolEnvironment,
                null,
                Timeout,
                MaxCapturedBytes: 64 * 1024),
            cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? outcome.StandardOutput.Text.Split('\n')[0] : null;
    }
}
