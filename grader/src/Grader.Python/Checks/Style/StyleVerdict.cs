using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Evidence;
using Grader.Core.Results;
using Grader.Python.Evidence;

namespace Grader.Python.Checks.Style;

// The verdict both style checks give over a set of files: error when pycodestyle could not run, otherwise
// pass or fail on its (profiled) findings.
internal static class StyleVerdict
{
    /// <param name="otherFiles">Judge the run over the files that are not task files (PY-STYLE-002).</param>
    public static CheckOutcome For(SubmissionEvidence evidence, IReadOnlyCollection<string> files, string subject, bool otherFiles = false)
    {
        if ((otherFiles ? evidence.Python()?.OtherFilesStyle : evidence.Python()?.Style) is not { } style)
        {
            return TaskFileAccess.NoEvidence();
        }

        if (style.Value is not { } report)
        {
            return CheckOutcome.Error($"Style was not checked: {style.Failure}");
        }

        var facts = ImmutableSortedDictionary<string, string>.Empty.Add("tool", report.Tool);
        ImmutableArray<Finding> findings =
        [
            .. report.Findings
                .Where(finding => files.Contains(finding.File))
                .Select(finding => new Finding(finding.File, finding.Line, finding.Column, finding.Code, finding.Text)),
        ];
        var skipped = report.Skipped.IsEmpty ? string.Empty
            : $" Not checked, being larger than {SubmissionPythonFiles.MaxOtherFileBytes / 1024} KiB: {string.Join(", ", report.Skipped)}.";
        if (findings.IsEmpty)
        {
            return CheckOutcome.Pass($"{subject} follow pycodestyle ({report.Tool}).{skipped}", facts);
        }

        var first = findings[0];
        var more = findings.Length > 1 ? $" (and {CheckText.Count(findings.Length - 1, "more finding")} below)" : string.Empty;
        return CheckOutcome.Fail(
            $"{CheckText.Location(first.File!, first.Line, first.Column)}: {first.Code} {first.Message}{more}. Run pycodestyle on the file to see every message.{skipped}",
            findings,
            facts);
    }
}
