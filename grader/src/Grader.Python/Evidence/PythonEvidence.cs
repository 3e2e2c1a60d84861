using Grader.Core.Evidence;
using Grader.Python.Facts;
using Grader.Python.Tools;

namespace Grader.Python.Evidence;

/// <summary>What the Python track's static tools observed about one submission, stored in the evidence under <see cref="Key"/>.</summary>
/// <param name="Analysis">Facts from Python's own parser, per file (analysis interpreter).</param>
/// <param name="TargetCompile">Compile results under the assignment's interpreter, or null when that is the analysis one.</param>
/// <param name="Style">pycodestyle's findings, or why it could not run.</param>
public sealed record PythonEvidence(
    ToolEnvironment Tools,
    ToolRun<AnalysisResponse> Analysis,
    ToolRun<AnalysisResponse>? TargetCompile,
    ToolRun<StyleReport> Style)
{
    public const string Key = "python";

    /// <summary>pycodestyle over the Python files that are not task files, run apart so they cannot sink the task files' verdicts.</summary>
    public ToolRun<StyleReport>? OtherFilesStyle { get; init; }

    /// <summary>The facts about one file, or null with the reason in <paramref name="failure"/>.</summary>
    public FileFacts? FactsFor(string file, out string failure)
    {
        failure = Analysis.Failure ?? string.Empty;
        if (Analysis.Value is null)
        {
            return null;
        }

        if (Analysis.Value.Files.TryGetValue(file, out var facts) && facts.FactsError is null)
        {
            return facts;
        }

        failure = facts?.FactsError ?? $"the analysis script returned nothing for {file}";
        return null;
    }
}

/// <summary>How Python checks reach their evidence; a missing one is a grader bug, which the checks report as error.</summary>
public static class PythonEvidenceAccess
{
    public static PythonEvidence? Python(this SubmissionEvidence evidence) => evidence.Find<PythonEvidence>(PythonEvidence.Key);
}
