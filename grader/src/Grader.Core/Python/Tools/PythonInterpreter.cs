namespace Grader.Core.Python.Tools;

/// <summary>A Python interpreter the grader found and checked, and how it found it.</summary>
public sealed record PythonInterpreter(string Path, Version Version, string FoundBy)
{
    public string Display => $"Python {Version.ToString(3)} ({Path}; {FoundBy})";

    public bool IsAtLeast(int major, int minor) => Version >= new Version(major, minor);

    public bool Matches(Version target) => Version.Major == target.Major && Version.Minor == target.Minor;
}

/// <summary>The installed pycodestyle command and its version.</summary>
public sealed record PycodestyleTool(string Path, string Version);
