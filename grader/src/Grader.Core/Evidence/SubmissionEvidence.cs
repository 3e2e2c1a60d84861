using System.Collections.Immutable;

namespace Grader.Core.Evidence;

/// <summary>
/// Everything a track's tools observed about one submission, gathered once before any check runs, so checks stay
/// pure functions of the submission and this record. The engine never looks inside: each track stores its
/// evidence under its own keys (the Python track's static facts, its behaviour runs; the C# compilation, its harness
/// runs) and its checks read it back through their own accessors.
/// </summary>
/// <param name="Items">What each source gathered, by key.</param>
public sealed record SubmissionEvidence(ImmutableSortedDictionary<string, object> Items)
{
    /// <summary>The item stored under <paramref name="key"/> when it is a <typeparamref name="T"/>, else null.</summary>
    public T? Find<T>(string key)
        where T : class => Items.GetValueOrDefault(key) as T;
}
