using System.Collections.Immutable;
using Grader.Core.Engine;
using Grader.Core.Processes;

namespace Grader.Core.Python.Tools;

/// <summary>
/// Finds the interpreters and pycodestyle. Order for the target: --python, python3.X on PATH, pyenv's versions
/// folder, then python3. pyenv shims are skipped when a real binary exists, because every call through a
/// shim costs a few hundred milliseconds of bash.
/// </summary>
public sealed class ToolLocator(IProcessRunner runner, IReadOnlyDictionary<string, string?> environment)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);

    public async Task<ToolEnvironment> LocateAsync(string? explicitPython, Version targetVersion, CancellationToken cancellationToken)
    {
        var targetTask = LocateTargetAsync(explicitPython, targetVersion, cancellationToken);
        var styleTask = LocatePycodestyleAsync(cancellationToken);
        var target = await targetTask.ConfigureAwait(false);
        var analysis = target is not null && target.IsAtLeast(3, 8)
            ? target
            : await LocateAnalysisAsync(cancellationToken).ConfigureAwait(false);
        return new ToolEnvironment(target ?? analysis, analysis, await styleTask.ConfigureAwait(false), targetVersion);
    }

    private async Task<PythonInterpreter?> LocateTargetAsync(string? explicitPython, Version target, CancellationToken cancellationToken)
    {
        if (explicitPython is not null)
        {
            var path = ResolveCommand(explicitPython) ?? explicitPython;
            return await ProbeAsync(path, "given with --python", cancellationToken).ConfigureAwait(false)
                ?? throw GraderSetupException.InterpreterNotFound(explicitPython);
        }

        var name = $"python{target.Major}.{target.Minor}";
        foreach (var candidate in PathCandidates(name))
        {
            var found = await ProbeAsync(candidate, $"{name} on PATH", cancellationToken).ConfigureAwait(false);
            if (found is not null && found.Matches(target))
            {
                return found;
            }
        }

        var pyenv = PyenvVersions().Where(entry => entry.Version.Major == target.Major && entry.Version.Minor == target.Minor);
        foreach (var (version, folder) in pyenv)
        {
            var binary = Path.Combine(folder, "bin", name);
            if (File.Exists(binary))
            {
                return new PythonInterpreter(binary, version, "pyenv versions folder");
            }
        }

        return null;
    }

    private async Task<PythonInterpreter?> LocateAnalysisAsync(CancellationToken cancellationToken)
    {
        foreach (var candidate in PathCandidates("python3"))
        {
            var found = await ProbeAsync(candidate, "python3 on PATH", cancellationToken).ConfigureAwait(false);
            if (found is not null && found.IsAtLeast(3, 8))
            {
                return found;
            }
        }

        foreach (var (version, folder) in PyenvVersions().Where(entry => entry.Version >= new Version(3, 8)))
        {
            var binary = Path.Combine(folder, "bin", "python3");
            if (File.Exists(binary))
            {
                return new PythonInterpreter(binary, version, "pyenv versions folder");
            }
        }

        return null;
    }

    private async Task<PycodestyleTool?> LocatePycodestyleAsync(CancellationToken cancellationToken)
    {
        foreach (var candidate in PathCandidates("pycodestyle"))
        {
            var outcome = await runner.RunAsync(Request(candidate, ["--version"]), cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                return new PycodestyleTool(candidate, outcome.StandardOutput.Text.Trim());
            }
        }

        return null;
    }

    private async Task<PythonInterpreter?> ProbeAsync(string path, string foundBy, CancellationToken cancellationToken)
    {
        var outcome = await runner.RunAsync(
            Request(path, ["-c", "import sys; print('%d.%d.%d' % tuple(sys.version_info[:3]))"]),
            cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded && Version.TryParse(outcome.StandardOutput.Text.Trim(), out var version)
            ? new PythonInterpreter(path, version, foundBy)
            : null;
    }

    private ProcessRequest Request(string fileName, ImmutableArray<string> arguments) =>
        new(fileName, arguments, Path.GetTempPath(), ChildEnvironment.For(Path.GetTempPath(), Env("PATH")), null, ProbeTimeout, 64 * 1024);

    // Real binaries first, shims last: a shim works but is slow, and may not even know the version asked for.
    private IEnumerable<string> PathCandidates(string name)
    {
        var found = (Env("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return found.Where(path => !IsShim(path)).Concat(found.Where(IsShim));
    }

    private string? ResolveCommand(string command) =>
        command.Contains('/', StringComparison.Ordinal) ? null : PathCandidates(command).FirstOrDefault();

    private static bool IsShim(string path) => path.Contains("/shims/", StringComparison.Ordinal);

    private IEnumerable<(Version Version, string Folder)> PyenvVersions()
    {
        var root = Env("PYENV_ROOT") ?? Path.Combine(Env("HOME") ?? "/root", ".pyenv");
        var versions = Path.Combine(root, "versions");
        if (!Directory.Exists(versions))
        {
            return [];
        }

        return Directory.EnumerateDirectories(versions)
            .Select(folder => (Parsed: Version.TryParse(Path.GetFileName(folder), out var version) ? version : null, Folder: folder))
            .Where(entry => entry.Parsed is not null)
            .Select(entry => (entry.Parsed!, entry.Folder))
            .OrderByDescending(entry => entry.Item1)
            .ToList();
    }

    private string? Env(string name) => environment.TryGetValue(name, out var value) ? value : null;
}
