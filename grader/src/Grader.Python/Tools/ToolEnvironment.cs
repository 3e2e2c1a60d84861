namespace Grader.Python.Tools;

/// <summary>
/// The external tools one grading run uses, resolved once per grader invocation.
/// </summary>
/// <param name="Target">Compiles (and runs) student code: the assignment's Python when available.</param>
/// <param name="Analysis">Runs the analysis script; needs Python 3.8+ for ast.parse(feature_version=...).</param>
/// <param name="Pycodestyle">The style checker, or null when it is not installed.</param>
public sealed record ToolEnvironment(
    PythonInterpreter? Target,
    PythonInterpreter? Analysis,
    PycodestyleTool? Pycodestyle,
    Version TargetVersion)
{
    /// <summary>The real pycodestyle 2.5.0 from the grader's tool folder, when it could be installed.</summary>
    public Pycodestyle25Install? Pycodestyle25 { get; init; }

    /// <summary>True when a style checker of some kind can run.</summary>
    public bool HasStyleChecker => Pycodestyle is not null || Pycodestyle25 is not null;

    /// <summary>
    /// How style is checked under a profile: 2.5 prefers the real 2.5.0, then the installed pycodestyle with the
    /// profile script; "installed" is the installed pycodestyle's own verdict. Null when nothing can run.
    /// </summary>
    public StyleInvocation? Style(StyleProfile profile, string profileScript) => (profile, Pycodestyle25, Pycodestyle) switch
    {
        (StyleProfile.Pycodestyle25, { } real, _) => StyleInvocation.ToolFolder(real),
        (StyleProfile.Pycodestyle25, null, { } installed) => StyleInvocation.Profiled(installed, profileScript),
        (StyleProfile.Installed, _, { } installed) => StyleInvocation.Installed(installed),
        _ => null,
    };

    /// <summary>True when student code is compiled by the interpreter version the assignment names.</summary>
    public bool TargetIsExact => Target is not null && Target.Matches(TargetVersion);

    public const string PycodestyleInstallHint = "install it with: sudo apt-get install -y pycodestyle (or: pip install pycodestyle==2.5.0)";

    public string DescribeTarget() => Target switch
    {
        null => "no Python interpreter found",
        _ when TargetIsExact => Target.Display,
        _ => $"{Target.Display}; Python {TargetVersion.ToString(2)} not found, so the static compat checks judge {TargetVersion.ToString(2)} compatibility",
    };
}
