namespace Grader.Python.Tools;

/// <summary>A Python interpreter the grader found and checked, and how it found it.</summary>
public sealed record PythonInterpreter(string Path, Version Version, string FoundBy)
{
    public string Display => $"Python {Version.ToString(3)} ({Path}; {FoundBy})";

    public bool IsAtLeast(int major, int minor) => Version >= new Version(major, minor);

    public bool Matches(Version target) => Version.Major == target.Major && Version.Minor == target.Minor;
}

/// <summary>The installed pycodestyle command and its version.</summary>
/// <param name="Module">
/// The same pycodestyle as a Python script (its module file, run by the interpreter of the command's shebang), when
/// it could be found: the form a warm interpreter can run without starting Python afresh.
/// </param>
public sealed record PycodestyleTool(string Path, string Version, PythonScript? Module = null);

/// <summary>A Python file run as a script by a given interpreter.</summary>
public sealed record PythonScript(string Interpreter, string Script);
