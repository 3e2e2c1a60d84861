using System.Collections.Immutable;
using Grader.Core.Processes;

namespace Grader.Core.Provisioning;

/// <summary>
/// Makes sure a system tool is on PATH: when it is missing and the grader runs as root on a Debian-like system, it
/// installs the tool's package with apt-get once, saying so in one line; otherwise one line says the exact command
/// to run. A fresh machine then needs nothing but the README's two commands.
/// </summary>
public sealed class SystemToolProvisioner(IProcessRunner runner, ProvisionerSettings settings, TextWriter notices)
{
    // A first install on a fresh machine reads the package lists and downloads Chromium: minutes, not seconds.
    private static readonly TimeSpan AptTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LockPatience = TimeSpan.FromMinutes(30);

    public async Task<ProvisionOutcome> EnsureAsync(SystemTool tool, CancellationToken cancellationToken)
    {
        if (settings.Find(tool.Command) is not null)
        {
            return new(tool, ProvisionStatus.Present, null);
        }

        var missing = $"{tool.Command} is missing ({tool.Purpose})";
        if (!settings.MayInstall)
        {
            return Missing(tool, $"{missing} and {ProvisionerSettings.NoInstallVariable}=1 asks the grader not to install it: run `{tool.InstallCommand}`");
        }

        var aptGet = settings.Find("apt-get");
        if (aptGet is null)
        {
            return Missing(tool, $"{missing} and this system has no apt-get: install the package that provides {tool.Command} (on Debian or Ubuntu: `{tool.InstallCommand}`)");
        }

        if (!settings.IsRoot)
        {
            return Missing(tool, $"{missing}: run `{tool.InstallCommand}`");
        }

        using var gate = await InstallLock.AcquireAsync(settings.LockPath, LockPatience, cancellationToken).ConfigureAwait(false);
        if (settings.Find(tool.Command) is not null)
        {
            // Another grader process installed it while this one waited for the lock.
            return new(tool, ProvisionStatus.Present, null);
        }

        await notices.WriteLineAsync($"grader: installing {tool.DebianPackage} with apt-get (once, for {tool.Purpose}) ...").ConfigureAwait(false);
        var install = await AptAsync(aptGet, ["install", "-y", "-q", tool.DebianPackage], cancellationToken).ConfigureAwait(false);
        if (!install.Succeeded)
        {
            // A fresh machine has empty package lists, so the first install cannot find the package: read the lists, try again.
            var update = await AptAsync(aptGet, ["update", "-q"], cancellationToken).ConfigureAwait(false);
            install = update.Succeeded ? await AptAsync(aptGet, ["install", "-y", "-q", tool.DebianPackage], cancellationToken).ConfigureAwait(false) : update;
        }

        if (!install.Succeeded || settings.Find(tool.Command) is null)
        {
            return Missing(tool, $"{missing} and apt-get could not install it ({Reason(install)}): run `{tool.InstallCommand}`");
        }

        return new(tool, ProvisionStatus.Installed, null);
    }

    private static ProvisionOutcome Missing(SystemTool tool, string line) => new(tool, ProvisionStatus.Missing, $"grader: {line}");

    private Task<ProcessOutcome> AptAsync(string aptGet, ImmutableArray<string> arguments, CancellationToken cancellationToken) =>
        runner.RunAsync(
            new ProcessRequest(
                aptGet,
                arguments,
                "/",
                settings.ToolEnvironment.Add("DEBIAN_FRONTEND", "noninteractive"),
                null,
                AptTimeout,
                MaxCapturedBytes: 256 * 1024,
                OwnProcessGroup: true),
            cancellationToken);

    // apt-get's last error line ("E: Unable to locate package ...") says more than its exit code.
    private static string Reason(ProcessOutcome outcome)
    {
        if (outcome.StartError is { } startError)
        {
            return startError;
        }

        if (outcome.TimedOut)
        {
            return $"it took longer than {AptTimeout.TotalMinutes:0} minutes";
        }

        var lastError = outcome.StandardError.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return lastError ?? $"exit code {outcome.ExitCode}";
    }
}
