using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Grader.Core.Similarity;

/// <summary>
/// The fingerprints of a set of submissions once the template and the exercise's common idiom are taken out,
/// indexed by hash so candidate pairs are found without comparing every pair.
/// </summary>
public sealed class SimilarityIndex
{
    private readonly ImmutableArray<Entry> entries;
    private readonly FrozenDictionary<string, int> positions;

    private SimilarityIndex(ImmutableArray<Entry> entries, int ignoredAsCommon)
    {
        this.entries = entries;
        positions = entries.Select((entry, index) => KeyValuePair.Create(entry.Id, index)).ToFrozenDictionary(StringComparer.Ordinal);
        IgnoredAsCommon = ignoredAsCommon;
    }

    /// <summary>How many distinct fingerprints were ignored because most submissions have them.</summary>
    public int IgnoredAsCommon { get; }

    /// <param name="templateHashes">Every k-gram hash of the template (<see cref="Fingerprinter.KGrams"/>), not only the winnowed ones.</param>
    public static SimilarityIndex Build(
        IReadOnlyList<SubmissionFingerprints> submissions, IEnumerable<ulong> templateHashes, SimilaritySettings settings)
    {
        settings.ThrowIfInvalid();
        var duplicate = submissions.GroupBy(submission => submission.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Submission id '{duplicate.Key}' is given twice.", nameof(submissions));
        }

        var template = templateHashes.ToHashSet();
        var occurrences = submissions.Select(submission => Occurrences(submission, template)).ToList();
        var common = CommonHashes(occurrences, settings);
        var entries = submissions.Select((submission, index) => new Entry(
            submission.Id,
            occurrences[index].Where(pair => !common.Contains(pair.Key)).ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToImmutableArray())));
        return new SimilarityIndex([.. entries], common.Count);
    }

    /// <summary>How many distinct fingerprints a submission has left once the template and the idiom are out.</summary>
    public int FingerprintCount(string id) => entries[Position(id)].Occurrences.Count;

    /// <summary>Scores any two submissions, listed or not: the answer to "why is this pair (not) in the report?".</summary>
    public SimilarityPair Compare(string first, string second) => Compare(Position(first), Position(second));

    internal SimilarityPair Compare(int first, int second)
    {
        var (a, b) = string.CompareOrdinal(entries[first].Id, entries[second].Id) <= 0
            ? (entries[first], entries[second])
            : (entries[second], entries[first]);
        var shared = a.Occurrences.Keys.Where(b.Occurrences.ContainsKey).ToList();
        var smaller = Math.Min(a.Occurrences.Count, b.Occurrences.Count);
        var union = a.Occurrences.Count + b.Occurrences.Count - shared.Count;
        return new SimilarityPair(
            a.Id,
            b.Id,
            smaller == 0 ? 0 : (double)shared.Count / smaller,
            union == 0 ? 0 : (double)shared.Count / union,
            shared.Count,
            MatchRegions.Build(a.Occurrences, b.Occurrences, shared));
    }

    /// <summary>The pairs (by position) that share at least <paramref name="minShared"/> fingerprints.</summary>
    internal IEnumerable<(int First, int Second)> CandidatePairs(int minShared)
    {
        var holders = new Dictionary<ulong, List<int>>();
        for (var index = 0; index < entries.Length; index++)
        {
            foreach (var hash in entries[index].Occurrences.Keys)
            {
                if (!holders.TryGetValue(hash, out var list))
                {
                    holders[hash] = list = [];
                }

                list.Add(index);
            }
        }

        var counts = new Dictionary<(int, int), int>();
        foreach (var list in holders.Values)
        {
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    counts[(list[i], list[j])] = counts.GetValueOrDefault((list[i], list[j])) + 1;
                }
            }
        }

        return counts.Where(pair => pair.Value >= minShared).Select(pair => pair.Key).Order();
    }

    private int Position(string id) =>
        positions.TryGetValue(id, out var position) ? position : throw new ArgumentException($"No submission has the id '{id}'.", nameof(id));

    private static Dictionary<ulong, List<Occurrence>> Occurrences(SubmissionFingerprints submission, HashSet<ulong> template)
    {
        var found = new Dictionary<ulong, List<Occurrence>>();
        foreach (var file in submission.Files)
        {
            foreach (var fingerprint in file.Fingerprints.Where(fingerprint => !template.Contains(fingerprint.Hash)))
            {
                if (!found.TryGetValue(fingerprint.Hash, out var list))
                {
                    found[fingerprint.Hash] = list = [];
                }

                list.Add(new Occurrence(file.File, fingerprint.StartLine, fingerprint.EndLine));
            }
        }

        return found;
    }

    private static HashSet<ulong> CommonHashes(List<Dictionary<ulong, List<Occurrence>>> occurrences, SimilaritySettings settings)
    {
        if (occurrences.Count < settings.CommonFingerprintMinSubmissions || settings.CommonFingerprintShare >= 1)
        {
            return [];
        }

        var limit = settings.CommonFingerprintShare * occurrences.Count;
        return occurrences.SelectMany(found => found.Keys).CountBy(hash => hash)
            .Where(pair => pair.Value > limit).Select(pair => pair.Key).ToHashSet();
    }

    private sealed record Entry(string Id, FrozenDictionary<ulong, ImmutableArray<Occurrence>> Occurrences);
}

/// <summary>Where a fingerprint occurs in a submission.</summary>
internal readonly record struct Occurrence(string File, int StartLine, int EndLine);
