using System.Collections.Immutable;
using System.Globalization;
using Grader.Core.Processes;

namespace Grader.Python.Tools;

/// <summary>The real pycodestyle 2.5.0 in the grader's tool folder, and the interpreter that runs it.</summary>
public sealed record Pycodestyle25Install(PythonInterpreter Interpreter, string Module);

/// <summary>
/// Installs the pycodestyle the assignment names (2.5.0) once, with the target interpreter's pip, into a folder the
/// grader owns under the user's cache. 2.5.0 predates Python 3.8's syntax, so only a target older than 3.8 may run
/// it. Where no package index answers, the failure is remembered for a while, so a run does not spend seconds
/// retrying; the grader then uses the installed pycodestyle with the 2.5.0 profile.
/// </summary>
public sealed class Pycodestyle25ToolFolder(IProcessRunner runner, IReadOnlyDictionary<string, string?> environment, TimeProvider clock)
{
    private const string Requirement = "pycodestyle==2.5.0";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromHours(6);

    public string Folder => Path.Combine(CacheHome(), "grader", "tools", "pycodestyle-2.5.0");

    private string FailureMarker => Folder + ".failed";

    public async Task<Pycodestyle25Install?> LocateAsync(PythonInterpreter? target, CancellationToken cancellationToken)
    {
        if (target is null || target.IsAtLeast(3, 8) || !target.IsAtLeast(3, 4))
        {
            return null;
        }

        var module = Path.Combine(Folder, "pycodestyle.py");
        if (File.Exists(module))
        {
            return new Pycodestyle25Install(target, module);
        }

        if (FailedRecently())
        {
            return null;
        }

        return await InstallAsync(target, cancellationToken).ConfigureAwait(false) ? new Pycodestyle25Install(target, module) : null;
    }

    // pip writes into a private folder that is moved into place whole: a crash never leaves half a tool behind.
    private async Task<bool> InstallAsync(PythonInterpreter target, CancellationToken cancellationToken)
    {
        var staging = $"{Folder}.{Guid.NewGuid():N}.tmp";
        Directory.CreateDirectory(staging);
        try
        {
            var outcome = await runner.RunAsync(
                new ProcessRequest(
                    target.Path,
                    ["-m", "pip", "install", "--target", staging, "--disable-pip-version-check", "--no-input", "--quiet", "--retries", "0", "--timeout", "10", Requirement],
                    staging,
                    PipEnvironment(staging),
                    null,
                    InstallTimeout,
                    64 * 1024),
                cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded && File.Exists(Path.Combine(staging, "pycodestyle.py")))
            {
                Directory.Move(staging, Folder);
                return true;
            }
        }
        catch (IOException)
        {
            // Another grader moved its copy into place first, or the cache is not writable: fall through.
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        if (File.Exists(Path.Combine(Folder, "pycodestyle.py")))
        {
            return true;
        }

        RememberFailure();
        return false;
    }

    private bool FailedRecently()
    {
        try
        {
            var text = File.ReadAllText(FailureMarker).Trim();
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var failedAt)
                && clock.GetUtcNow() - failedAt < RetryAfter;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void RememberFailure()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FailureMarker)!);
            File.WriteAllText(FailureMarker, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Without a marker the next run simply tries again.
        }
    }

    // A clean environment plus what tells pip where its index is (PIP_INDEX_URL, PIP_FIND_LINKS, a proxy).
    private ImmutableSortedDictionary<string, string> PipEnvironment(string home)
    {
        var passed = environment
            .Where(pair => pair.Value is not null && (pair.Key.StartsWith("PIP_", StringComparison.Ordinal)
                || pair.Key.EndsWith("_proxy", StringComparison.OrdinalIgnoreCase)))
            .Where(pair => pair.Key != "PIP_TARGET");
        return ChildEnvironment.For(home, Env("PATH")).SetItems(passed.Select(pair => KeyValuePair.Create(pair.Key, pair.Value!)));
    }

    private string CacheHome() => Env("XDG_CACHE_HOME") is { Length: > 0 } cache && Path.IsPathRooted(cache)
        ? cache
        : Path.Combine(Env("HOME") ?? Path.GetTempPath(), ".cache");

    private string? Env(string name) => environment.TryGetValue(name, out var value) ? value : null;
}
