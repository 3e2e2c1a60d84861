namespace Grader.Checks.PythonAsync.MeasureTime;

/// <summary>The probe's measure_time calls: a few calls and many, with arguments the supervisor draws from the run's seed.</summary>
internal static class MeasureTimeScenarios
{
    public static readonly IReadOnlyList<string> Ids = ["measure_time_few", "measure_time_many"];
}
