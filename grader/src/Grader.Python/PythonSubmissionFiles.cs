using Grader.Core.Submissions;

namespace Grader.Python;

/// <summary>Which of a submission's files the Python track reads.</summary>
public static class PythonSubmissionFiles
{
    /// <summary>The .py files of the submission, in path order.</summary>
    public static IEnumerable<SubmissionFile> PythonFiles(this Submission submission) => submission.FilesEndingWith(".py");
}
