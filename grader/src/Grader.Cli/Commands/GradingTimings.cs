using System.Globalization;
using Grader.Core.Supervision;

namespace Grader.Cli.Commands;

/// <summary>
/// GRADER_TIMINGS=1: one line on stderr at the end of a check or a batch saying what the supervisors cost, for the
/// benchmarks (bench/behaviour.sh, bench/batch.sh print the supervisor's share from it). Off by default: the reports
/// hold no timings, so that two gradings of the same code give the same documents.
/// </summary>
internal sealed class GradingTimings
{
    public const string Variable = "GRADER_TIMINGS";

    private GradingTimings()
    {
    }

    public SupervisionMeter Meter { get; } = new();

    public static GradingTimings? FromEnvironment(IReadOnlyDictionary<string, string?> environment) =>
        environment.GetValueOrDefault(Variable) == "1" ? new GradingTimings() : null;

    public Task WriteAsync(TextWriter error) => error.WriteLineAsync(string.Create(
        CultureInfo.InvariantCulture,
        $"grader: timings: supervisor answered {Meter.Requests} requests from {Meter.Conversations} child processes in {Meter.Answering.TotalMilliseconds:F0} ms; its conversations lasted {Meter.Talking.TotalMilliseconds:F0} ms"));
}
