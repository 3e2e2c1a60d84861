using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Grader.Core.Batch;

/// <summary>
/// What the batch keeps per student beside the result itself (results/&lt;id&gt;.meta.json): the content hash
/// that --resume compares, and the status that goes into the gradebook.
/// </summary>
public sealed record BatchRecord(
    string StudentId,
    string ContentHash,
    BatchStatus Status,
    string? Reason,
    bool Late,
    ImmutableArray<string> Notes,
    double Score,
    double MaxScore,
    ImmutableSortedDictionary<string, double> TaskScores,
    string GraderVersion,
    int Seed)
{
    /// <summary>The grader's HMAC over this record and its result (<see cref="RecordSeal"/>); null until sealed.</summary>
    public string? Seal { get; init; }
}

/// <summary>How a student's entry ended.</summary>
public enum BatchStatus
{
    [JsonStringEnumMemberName("graded")] Graded,
    [JsonStringEnumMemberName("ungradable")] Ungradable,
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(BatchRecord))]
internal sealed partial class BatchJsonContext : JsonSerializerContext;
