using System.Collections.Immutable;
using Grader.Core.Evidence;
using Grader.Python.Evidence;
using Grader.Python.Facts;
using Grader.Python.Tools;

namespace Grader.Core.Tests.Support;

/// <summary>Hand-made evidence for unit tests of single checks.</summary>
public static class TestEvidence
{
    public static readonly ToolEnvironment NoTools = new(null, null, null, new Version(3, 7));

    public static SubmissionEvidence Empty(string failure = "not run in this test") =>
        Holding(new PythonEvidence(NoTools, ToolRun<AnalysisResponse>.Failed(failure), null, ToolRun<StyleReport>.Failed(failure)));

    public static SubmissionEvidence WithFacts(string file, FileFacts facts) => Holding(
        new PythonEvidence(
            NoTools,
            ToolRun<AnalysisResponse>.Of(new AnalysisResponse
            {
                Python = "3.11.0",
                Files = ImmutableSortedDictionary<string, FileFacts>.Empty.Add(file, facts),
            }),
            null,
            ToolRun<StyleReport>.Failed("not run in this test")));

    private static SubmissionEvidence Holding(PythonEvidence evidence) =>
        new(ImmutableSortedDictionary.Create<string, object>(StringComparer.Ordinal).Add(PythonEvidence.Key, evidence));
}
