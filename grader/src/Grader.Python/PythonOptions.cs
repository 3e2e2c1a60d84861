using Grader.Core.Assignment;
using Grader.Core.Engine;
using Grader.Python.Tools;

namespace Grader.Python;

/// <summary>The options only the Python track reads, carried in <see cref="GradingOptions.TrackOptions"/>.</summary>
/// <param name="Interpreter">The interpreter given with --python, if any.</param>
/// <param name="StyleProfile">Which pycodestyle behaviour the style checks reproduce.</param>
public sealed record PythonOptions(string? Interpreter = null, StyleProfile StyleProfile = StyleProfile.Pycodestyle25)
{
    public static PythonOptions Default { get; } = new();

    public static PythonOptions Of(GradingOptions options) => options.TrackOption(Default);

    /// <summary>The Python version the assignment names (assignment.json's target_version), 3.7 when it names none.</summary>
    public static Version TargetVersion(AssignmentSpec assignment) =>
        Version.TryParse(assignment.TargetVersion, out var version) ? version : new Version(3, 7);
}
