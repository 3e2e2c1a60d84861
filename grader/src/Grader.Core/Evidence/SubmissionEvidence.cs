using System.Collections.Immutable;
using Grader.Core.Python.Facts;
using Grader.Core.Python.Tools;

namespace Grader.Core.Evidence;

/// <summary>
/// Everything the external tools observed about one submission, gathered once before any check runs, so
/// checks stay pure functions of the submission and this record.
/// </summary>
/// <param name="Analysis">Facts from Python's own parser, per file (analysis interpreter).</param>
/// <param name="TargetCompile">Compile results under the assignment's interpreter, or null when that is the analysis one.</param>
/// <param name="Style">pycodestyle's findings, or why it could not run.</param>
/// <param name="Extra">Evidence that assignment modules gather (behaviour observations), by key.</param>
public sealed record SubmissionEvidence(
    ToolEnvironment Tools,
    ToolRun<AnalysisResponse> Analysis,
    ToolRun<AnalysisResponse>? TargetCompile,
    ToolRun<StyleReport> Style,
    ImmutableSortedDictionary<string, object> Extra)
{
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
