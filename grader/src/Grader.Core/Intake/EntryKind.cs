namespace Grader.Core.Intake;

/// <summary>What one entry of a batch is, which decides how its files are reached.</summary>
public enum EntryKind
{
    /// <summary>A folder of files, graded as it is.</summary>
    Folder,

    /// <summary>A .zip archive, extracted safely into the intake's work folder.</summary>
    Zip,

    /// <summary>A folder with a <c>.git</c> folder: the committed work on its default branch is graded.</summary>
    GitRepository,
}
