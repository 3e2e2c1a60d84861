using System.Collections.Immutable;
using System.Globalization;
using Grader.Core.Assignment;
using Grader.Core.Submissions;

namespace Grader.Python.Evidence;

/// <summary>
/// A submission's Python files as the tools see them: the task files, which every verdict rests on, and the
/// others (main files, helpers), which only their own style check reads. Another file larger than
/// <see cref="MaxOtherFileBytes"/> is not given to any tool: a real helper is a few kilobytes, and a huge one would
/// otherwise cost minutes and gigabytes for one point.
/// </summary>
public sealed record SubmissionPythonFiles(
    ImmutableArray<SubmissionFile> Tasks, ImmutableArray<SubmissionFile> Others, ImmutableArray<string> TooLarge)
{
    public const int MaxOtherFileBytes = 256 * 1024;

    public static SubmissionPythonFiles Of(AssignmentSpec assignment, Submission submission)
    {
        var taskNames = assignment.Tasks.Select(task => task.File).ToHashSet(StringComparer.Ordinal);
        var files = submission.PythonFiles().ToList();
        var others = files.Where(file => !taskNames.Contains(file.Path)).ToList();
        return new(
            [.. files.Where(file => taskNames.Contains(file.Path))],
            [.. others.Where(file => file.Content.Length <= MaxOtherFileBytes)],
            [.. others.Where(file => file.Content.Length > MaxOtherFileBytes).Select(file => $"{file.Path} ({Megabytes(file.Content.Length)} MB)")]);
    }

    private static string Megabytes(int bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture);
}
