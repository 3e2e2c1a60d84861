using System.Text.Json.Serialization;

namespace Grader.Core.Results;

/// <summary>The outcome of one check.</summary>
public enum CheckStatus
{
    [JsonStringEnumMemberName("passed")] Passed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("error")] Error,
    [JsonStringEnumMemberName("timeout")] Timeout,
    [JsonStringEnumMemberName("skipped")] Skipped,
}
