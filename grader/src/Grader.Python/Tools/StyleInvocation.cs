using System.Collections.Immutable;

namespace Grader.Python.Tools;

/// <summary>
/// How the style checker is started, and the line a report shows for it: the installed pycodestyle as it is, the
/// installed one under the 2.5.0 profile script, or the real 2.5.0 from the grader's tool folder.
/// </summary>
/// <param name="FileName">The program started: an interpreter, or the pycodestyle command itself.</param>
/// <param name="Arguments">What comes before pycodestyle's own options (a script, and the profile's module path).</param>
/// <param name="Tool">Which pycodestyle ran and how, as reports and the doctor show it.</param>
public sealed record StyleInvocation(string FileName, ImmutableArray<string> Arguments, string Tool)
{
    /// <summary>The installed pycodestyle's own verdict (its module file through its interpreter when known).</summary>
    public static StyleInvocation Installed(PycodestyleTool tool) => tool.Module is { } module
        ? new(module.Interpreter, [module.Script], $"pycodestyle {tool.Version} (installed, {tool.Path})")
        : new(tool.Path, [], $"pycodestyle {tool.Version} (installed, {tool.Path})");

    /// <summary>
    /// The installed pycodestyle run by the profile script, which swaps the checks whose verdict changed since
    /// 2.5.0. Without the module file (a command with no Python shebang) the profile cannot load it, so the
    /// installed verdict is used and the line says so.
    /// </summary>
    public static StyleInvocation Profiled(PycodestyleTool tool, string profileScript) => tool.Module is { } module
        ? new(module.Interpreter, [profileScript, "--module", module.Script], $"pycodestyle {tool.Version} (installed, {tool.Path}) with the 2.5.0 profile")
        : Installed(tool) with { Tool = $"pycodestyle {tool.Version} (installed, {tool.Path}); the 2.5.0 profile needs its module file, which was not found" };

    /// <summary>The real pycodestyle 2.5.0 the grader installed into its own tool folder.</summary>
    public static StyleInvocation ToolFolder(Pycodestyle25Install install) =>
        new(install.Interpreter.Path, [install.Module], $"pycodestyle 2.5.0 (grader tool folder, Python {install.Interpreter.Version.ToString(3)})");
}
