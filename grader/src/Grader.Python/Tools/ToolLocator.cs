using System.Collections.Immutable;
using Grader.Core.Engine;
using Grader.Core.Processes;

namespace Grader.Python.Tools;

/// <summary>
/// Finds the interpreters and pycodestyle. Order for the target: --python, python3.X on PATH, pyenv's versions
/// folder, then python3. pyenv shims are skipped when a real binary exists, because every call through a
/// shim costs a few hundred milliseconds of bash.
/// </summary>
public sealed class ToolLocator(IProcessRunner runner, IReadOnlyDictionary<string, string?> environment, TimeProvider? clock = null)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);

    public async Task<ToolEnvironment> LocateAsync(string? explicitPython, Version targetVersion, CancellationToken cancellationToken)
    {
        var targetTask = LocateTargetAsync(explicitPython, targetVersion, cancellationToken);
        var styleTask = LocatePycodestyleAsync(cancellationToken);
        var target = await targetTask.ConfigureAwait(false);
        var toolFolderTask = new Pycodestyle25ToolFolder(runner, environment, clock ?? TimeProvider.System)
            .LocateAsync(target is not null && target.Matches(targetVersion) ? target : null, cancellationToken);
        var analysis = target is not null && target.IsAtLeast(3, 8)
            ? target
            : await LocateAnalysisAsync(cancellationToken).ConfigureAwait(false);
        return new ToolEnvironment(target ?? analysis, analysis, await styleTask.ConfigureAwait(false), targetVersion)
        {
            Pycodestyle25 = await toolFolderTask.ConfigureAwait(false),
        };
    }

    private async Task<PythonInterpreter?> LocateTargetAsync(string? explicitPython, Version target, CancellationToken cancellationToken)
    {
        if (explicitPython is not null)
        {
            var path = ResolveCommand(explicitPython) ?? explicitPython;
            return await ProbeAsync(path, "given with --python", cancellationToken).ConfigureAwait(false)
                ?? throw GraderSetupException.ToolUnusable($"--python '{explicitPython}' is not a Python interpreter that runs: give the path of a python3 executable.");
        }

        var name = $"python{target.Major}.{target.Minor}";
        var sameVersion = PyenvBinaries(name).Where(found => found.Matches(target));
        return await FirstWorkingAsync(name, sameVersion, found => found.Matches(target), cancellationToken).ConfigureAwait(false);
    }

    private Task<PythonInterpreter?> LocateAnalysisAsync(CancellationToken cancellationToken) =>
        FirstWorkingAsync("python3", PyenvBinaries("python3"), found => found.IsAtLeast(3, 8), cancellationToken);

    // Real binaries on PATH first, then pyenv's versions folder, then pyenv shims: a shim works but costs a few
    // hundred milliseconds of bash per call, and may not even know the version asked for.
    private async Task<PythonInterpreter?> FirstWorkingAsync(
        string command, IEnumerable<PythonInterpreter> pyenv, Func<PythonInterpreter, bool> acceptable, CancellationToken cancellationToken)
    {
        foreach (var candidate in PathCandidates(command).Where(path => !IsShim(path)))
        {
            var found = await ProbeAsync(candidate, $"{command} on PATH", cancellationToken).ConfigureAwait(false);
            if (found is not null && acceptable(found))
            {
                return found;
            }
        }

        var fromPyenv = pyenv.FirstOrDefault(acceptable);
        if (fromPyenv is not null)
        {
            return fromPyenv;
        }

        foreach (var candidate in PathCandidates(command).Where(IsShim))
        {
            var found = await ProbeAsync(candidate, $"{command} pyenv shim", cancellationToken).ConfigureAwait(false);
            if (found is not null && acceptable(found))
            {
                return found;
            }
        }

        return null;
    }

    private async Task<PycodestyleTool?> LocatePycodestyleAsync(CancellationToken cancellationToken)
    {
        foreach (var candidate in PathCandidates("pycodestyle").OrderBy(IsShim))
        {
            // One Python start where the script's own interpreter answers both questions; else the script is asked.
            if (await AskScriptInterpreterAsync(candidate, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }

            var outcome = await runner.RunAsync(Request(candidate, ["--version"]), cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                return new PycodestyleTool(candidate, outcome.StandardOutput.Text.Trim());
            }
        }

        return null;
    }

    // The command is an entry-point script whose shebang names its Python; that Python knows the module's version
    // (what --version prints) and where the module is.
    private async Task<PycodestyleTool?> AskScriptInterpreterAsync(string command, CancellationToken cancellationToken)
    {
        string firstLine;
        try
        {
            using var reader = new StreamReader(command);
            firstLine = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var interpreter = firstLine.StartsWith("#!", StringComparison.Ordinal) ? firstLine[2..].Trim() : string.Empty;
        if (!Path.IsPathRooted(interpreter) || interpreter.Contains(' ', StringComparison.Ordinal)
            || !Path.GetFileName(interpreter).StartsWith("python", StringComparison.Ordinal))
        {
            return null;
        }

        var outcome = await runner.RunAsync(
            Request(interpreter, ["-c", "import sys, pycodestyle; sys.stdout.write(pycodestyle.__version__ + '\\n' + pycodestyle.__file__)"]), cancellationToken).ConfigureAwait(false);
        var answer = outcome.Succeeded ? outcome.StandardOutput.Text.Trim().Split('\n') : [];
        return answer is [var version, var module] && version.Length > 0 && module.EndsWith(".py", StringComparison.Ordinal) && File.Exists(module)
            ? new PycodestyleTool(command, version.Trim(), new PythonScript(interpreter, module))
            : null;
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
        new(fileName, arguments, Path.GetTempPath(), PythonChildEnvironment.For(Path.GetTempPath(), Env("PATH")), null, ProbeTimeout, 64 * 1024);

    private IEnumerable<string> PathCandidates(string name) =>
        (Env("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal);

    private string? ResolveCommand(string command) =>
        command.Contains('/', StringComparison.Ordinal) ? null : PathCandidates(command).FirstOrDefault();

    private static bool IsShim(string path) => path.Contains("/shims/", StringComparison.Ordinal);

    // pyenv names each version's folder after the version, so no process is needed to learn it.
    private IEnumerable<PythonInterpreter> PyenvBinaries(string command)
    {
        var root = Env("PYENV_ROOT") ?? Path.Combine(Env("HOME") ?? "/root", ".pyenv");
        var versions = Path.Combine(root, "versions");
        if (!Directory.Exists(versions))
        {
            return [];
        }

        return Directory.EnumerateDirectories(versions)
            .Select(folder => (Version: Version.TryParse(Path.GetFileName(folder), out var version) ? version : null, Binary: Path.Combine(folder, "bin", command)))
            .Where(entry => entry.Version is not null && File.Exists(entry.Binary))
            .Select(entry => new PythonInterpreter(entry.Binary, entry.Version!, "pyenv versions folder"))
            .OrderByDescending(found => found.Version)
            .ToList();
    }

    private string? Env(string name) => environment.TryGetValue(name, out var value) ? value : null;
}
