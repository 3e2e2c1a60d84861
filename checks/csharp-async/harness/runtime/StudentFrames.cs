using System.Diagnostics;

namespace GraderHarness;

/// <summary>"file:line" of the innermost frame in the student's files (the harness's own files are under &lt;harness&gt;/).</summary>
internal static class StudentFrames
{
    public static string? Where(StackTrace trace) =>
        trace.GetFrames()
            .Where(frame => frame.GetFileName() is { } file && !file.StartsWith("<harness>", StringComparison.Ordinal))
            .Select(frame => $"{frame.GetFileName()}:{frame.GetFileLineNumber()}")
            .FirstOrDefault();
}
