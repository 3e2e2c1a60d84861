using Grader.Core.Results;
using Grader.Core.Submissions;

namespace Grader.Core.Checks;

/// <summary>
/// The file rules every track states the same way (task file present and not empty, README present and not
/// empty, final newline): each track's check class keeps its own id and descriptor and judges with these.
/// </summary>
public static class FileRules
{
    public static CheckOutcome TaskFilePresent(TaskCheckContext context) => context.File is null
        ? CheckOutcome.Fail(
            $"{context.Task.File} is missing: create it at the root of your project folder (task {context.Task.Number}'s other checks are skipped until it exists).",
            [new Finding(context.Task.File, null, null, null, "file not found")])
        : CheckOutcome.Pass($"{context.Task.File} is present.");

    public static CheckOutcome TaskFileNotEmpty(TaskCheckContext context) => context.File is { IsEmpty: true } file
        ? CheckOutcome.Fail(
            $"{file.Path} is empty ({file.Content.Length} bytes of white space at most): write the task's code in it.",
            [new Finding(file.Path, null, null, null, "empty file")])
        : CheckOutcome.Pass($"{context.Task.File} is not empty.");

    public static CheckOutcome ReadmePresent(ProjectCheckContext context) => context.Submission.Find(context.Assignment.Readme) is null
        ? CheckOutcome.Fail(
            $"{context.Assignment.Readme} is missing: add one at the root of your project folder.",
            [new Finding(context.Assignment.Readme, null, null, null, "file not found")])
        : CheckOutcome.Pass($"{context.Assignment.Readme} is present.");

    public static CheckOutcome ReadmeNotEmpty(ProjectCheckContext context) => context.Submission.Find(context.Assignment.Readme) is { IsEmpty: true } readme
        ? CheckOutcome.Fail(
            $"{readme.Path} is empty: write what the project is about in it.",
            [new Finding(readme.Path, null, null, null, "empty file")])
        : CheckOutcome.Pass($"{context.Assignment.Readme} is not empty.");

    public static CheckOutcome EndsWithNewline(SubmissionFile file)
    {
        if (!file.Content.IsEmpty && file.Content[^1] == (byte)'\n')
        {
            return CheckOutcome.Pass($"{file.Path} ends with a newline.");
        }

        var lastLine = file.Content.Count(b => b == (byte)'\n') + 1;
        return CheckOutcome.Fail(
            $"{file.Path} does not end with a newline: add one after the last line ({lastLine}).",
            [new Finding(file.Path, lastLine, null, null, "no newline at end of file")]);
    }
}
