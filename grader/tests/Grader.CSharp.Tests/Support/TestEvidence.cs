using System.Collections.Immutable;
using Grader.Core.Evidence;

namespace Grader.CSharp.Tests.Support;

/// <summary>Evidence holding only what a test puts in, as the C# track stores it.</summary>
public static class TestEvidence
{
    public static SubmissionEvidence With(ImmutableSortedDictionary<string, object> items) => new(items);
}
