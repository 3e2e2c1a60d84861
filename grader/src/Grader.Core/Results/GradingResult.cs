using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Grader.Core.Results;

/// <summary>The one result model every reporter renders (schema <c>grader.result/1</c>).</summary>
public sealed record GradingResult(
    string Schema,
    string Submission,
    string Track,
    string GraderVersion,
    double Score,
    double MaxScore,
    ImmutableSortedDictionary<string, string> Tools,
    ImmutableSortedDictionary<string, string> Settings,
    ImmutableArray<TaskResult> Tasks,
    ImmutableArray<CheckResult> Project)
{
    public const string SchemaId = "grader.result/1";

    /// <summary>Every check of the project and of the tasks, in report order.</summary>
    public IEnumerable<CheckResult> AllChecks() => Project.Concat(Tasks.SelectMany(task => task.Checks));

    /// <summary>True when no check ended in anything but passed (waived checks are skipped and do not count).</summary>
    [JsonIgnore]
    public bool AllPassed => AllChecks().All(check => check.Status == CheckStatus.Passed
        || (check.Status == CheckStatus.Skipped && check.MaxPoints == 0));
}
