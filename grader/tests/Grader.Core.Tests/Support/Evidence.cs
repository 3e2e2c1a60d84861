using System.Collections.Immutable;
using Grader.Core.Evidence;
using Grader.Core.Python.Facts;
using Grader.Core.Python.Tools;

namespace Grader.Core.Tests.Support;

/// <summary>Hand-made evidence for unit tests of single checks.</summary>
public static class TestEvidence
{
    public static readonly ToolEnvironment NoTools = new(null, null, null, new Version(3, 7));

    public static SubmissionEvidence Empty(string failure = "not run in this test") => new(
        NoTools,
        ToolRun<AnalysisResponse>.Failed(failure),
        null,
        ToolRun<StyleReport>.Failed(failure),
        ImmutableSortedDictionary<string, object>.Empty);

    public static SubmissionEvidence WithFacts(string file, FileFacts facts) => Empty() with
    {
        Analysis = ToolRun<AnalysisResponse>.Of(new AnalysisResponse
        {
            Python = "3.11.0",
            Files = ImmutableSortedDictionary<string, FileFacts>.Empty.Add(file, facts),
        }),
    };
}
