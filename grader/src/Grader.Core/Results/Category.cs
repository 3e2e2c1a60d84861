using System.Text.Json.Serialization;

namespace Grader.Core.Results;

/// <summary>The family a check belongs to; the order is the order checks run and are reported in.</summary>
public enum Category
{
    [JsonStringEnumMemberName("files")] Files,
    [JsonStringEnumMemberName("conventions")] Conventions,
    [JsonStringEnumMemberName("syntax")] Syntax,
    [JsonStringEnumMemberName("compat")] Compat,
    [JsonStringEnumMemberName("style")] Style,
    [JsonStringEnumMemberName("docs")] Docs,
    [JsonStringEnumMemberName("annotations")] Annotations,
    [JsonStringEnumMemberName("api")] Api,
    [JsonStringEnumMemberName("behaviour")] Behaviour,
}
