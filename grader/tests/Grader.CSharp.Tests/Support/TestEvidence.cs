using System.Collections.Immutable;
using Grader.Core.Evidence;
using Grader.Core.Python.Facts;
using Grader.Core.Python.Tools;

namespace Grader.CSharp.Tests.Support;

/// <summary>Evidence with the Python-shaped fields not run, as the C# track gathers it, holding only what a test puts in.</summary>
public static class TestEvidence
{
    public static SubmissionEvidence With(ImmutableSortedDictionary<string, object> extra) => new(
        new ToolEnvironment(null, null, null, new Version(0, 0)),
        ToolRun<AnalysisResponse>.Failed("not run"),
        null,
        ToolRun<StyleReport>.Failed("not run"),
        extra);
}
