namespace Grader.Core.Reporting;

/// <summary>Who reads a format: it decides whether hidden checks are shown.</summary>
public enum ReportAudience
{
    /// <summary>The student: hidden checks are left out (their points still count) until --reveal-hidden.</summary>
    Student,

    /// <summary>The instructor or a tool: every check, hidden or not.</summary>
    Instructor,
}
