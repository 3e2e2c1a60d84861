using System.Collections.Immutable;
using Grader.Core.Processes;

namespace Grader.Python.Tools;

/// <summary>
/// The whole environment of a Python child: the engine's clean one, plus Python's own switches, so that no
/// PYTHONPATH, user site or hash seed of the grader's user changes what a script or student code does.
/// </summary>
public static class PythonChildEnvironment
{
    public static ImmutableSortedDictionary<string, string> For(string scratchHome, string? path) =>
        ChildEnvironment.For(scratchHome, path).SetItems(new Dictionary<string, string>
        {
            ["PYTHONDONTWRITEBYTECODE"] = "1",
            ["PYTHONHASHSEED"] = "0",
            ["PYTHONIOENCODING"] = "utf-8",
            ["PYTHONNOUSERSITE"] = "1",
        });
}
