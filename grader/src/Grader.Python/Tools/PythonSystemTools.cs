using Grader.Core.Provisioning;

namespace Grader.Python.Tools;

/// <summary>The system packages the Python track's checks run, which the grader installs itself where it can.</summary>
public static class PythonSystemTools
{
    public static SystemTool Pycodestyle { get; } = new("pycodestyle", "pycodestyle", "the style checks, PY-STYLE-001 and PY-STYLE-002");
}
