using System.Globalization;
using System.Text.Json;
using Grader.Core.Checks;
using Grader.CSharp.Behaviour;

namespace Grader.Checks.CSharpAsync.Harness;

/// <summary>
/// Finds a scenario's observation for a behaviour check and turns every way it can be missing into the right
/// status: a harness that could not be built or crashed is <c>error</c>, one stopped by a time limit is
/// <c>timeout</c>. Only a scenario whose call ran to its end reaches the check's own judgement.
/// </summary>
internal static class HarnessJudge
{
    /// <summary>Virtual time is exact; Task.Delay counts whole milliseconds, so a delay may end up to 1 ms early.</summary>
    public const double Tolerance = 0.01;

    public static bool Same(double expected, double actual) => Math.Abs(expected - actual) <= Tolerance;

    public static CheckOutcome Judge(TaskCheckContext context, string scenario, Func<Observation, CheckOutcome> judge) =>
        JudgeAll(context, [scenario], observations => judge(observations[0]));

    public static CheckOutcome JudgeAll(TaskCheckContext context, IReadOnlyList<string> scenarios, Func<IReadOnlyList<Observation>, CheckOutcome> judge)
    {
        if (context.Evidence.Items.GetValueOrDefault(HarnessEvidence.Key) is not HarnessEvidence evidence
            || !evidence.Runs.TryGetValue(context.Task.Number, out var run))
        {
            return CheckOutcome.Error($"The behaviour tests of task {context.Task.Number} did not run.");
        }

        if (run.BuildFailure is { } failure)
        {
            return CheckOutcome.Error($"The grader could not build this task's code with its test harness: {failure}");
        }

        var observations = new List<Observation>();
        foreach (var id in scenarios)
        {
            if (run.Scenario(id) is not { } found)
            {
                return Missing(run, id);
            }

            var observation = new Observation(found);
            if (Abnormal(observation) is { } abnormal)
            {
                return abnormal;
            }

            observations.Add(observation);
        }

        return judge(observations);
    }

    private static CheckOutcome? Abnormal(Observation observation) => observation.Status switch
    {
        "ok" => null,
        "timeout" => CheckOutcome.TimedOut(observation.String("reason") is { } reason
            ? $"{observation.Call} was stopped: {reason}."
            : $"{observation.Call} was still running after {Observation.Format(observation.VirtualElapsed)} s of the grader's clock: it never finishes (an endless loop of awaits?)."),
        "deadlock" => BlockingCalls.FirstWait(observation) is ({ } kind, var where)
            ? CheckOutcome.TimedOut($"{observation.Call} waits forever: it blocks its thread with {kind}{BlockingCalls.At(where)} on a task that nothing will ever complete. Await the task instead, and make sure something starts it.")
            : CheckOutcome.TimedOut($"{observation.Call} waits forever: it awaits something that nothing will ever complete (a Task never started, or a blocking wait on its own work)."),
        "exit" => CheckOutcome.Error($"{observation.Call} called Environment.Exit{Where(observation)}: the code must not end the program."),
        _ when ExceptionType(observation) is "OutOfMemoryException" or "System.OutOfMemoryException" => CheckOutcome.Error(
            $"{observation.Call} ran out of memory{Where(observation)}: the grader gives the code {HarnessRunner.HeapLimitBytes / (1024 * 1024)} MiB, "
            + "and these tasks need almost none. Look for a collection that grows without end."),
        _ => CheckOutcome.Error($"{observation.Call} threw {Exception(observation)}."),
    };

    private static string? ExceptionType(Observation observation) =>
        observation.Line.TryGetProperty("exception", out var exception) && exception.ValueKind == JsonValueKind.Object
            && exception.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;

    private static string Where(Observation observation) =>
        observation.Line.TryGetProperty("exception", out var exception) && exception.TryGetProperty("where", out var where) && where.ValueKind == JsonValueKind.String
            ? $" at {where.GetString()}"
            : string.Empty;

    private static string Exception(Observation observation)
    {
        if (!observation.Line.TryGetProperty("exception", out var exception) || exception.ValueKind != JsonValueKind.Object)
        {
            return "an exception";
        }

        var type = ExceptionType(observation);
        var message = exception.TryGetProperty("message", out var m) ? m.GetString() : null;
        return string.IsNullOrEmpty(message) ? $"{type}{Where(observation)}" : $"{type}: {message}{Where(observation)}";
    }

    private static CheckOutcome Missing(HarnessRun run, string scenario)
    {
        var output = run.LastOutputLines();
        var tail = output.Length == 0 ? string.Empty : $" Last output: {output}";
        if (run.Process.TimedOut)
        {
            return CheckOutcome.TimedOut(
                $"The code of this task was stopped after {run.Process.Elapsed.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s of real time and never reported '{scenario}': it loops without ever awaiting, or blocks.{tail}");
        }

        // The harness stops at the first scenario that hangs (after writing its line), so the later ones never ran.
        var hung = run.Observations.Values.Select(line => new Observation(line)).FirstOrDefault(observation => observation.Status == "timeout");
        if (hung is not null)
        {
            return CheckOutcome.TimedOut($"'{scenario}' was not run: {hung.Call} ran first and never finished ({hung.String("reason") ?? "it hit the time limit"}).");
        }

        if (run.Process.StartError is { } startError)
        {
            return CheckOutcome.Error($"The behaviour tests could not start: {startError}");
        }

        if (run.Process.StandardError.Head.Contains("Stack overflow", StringComparison.Ordinal))
        {
            return CheckOutcome.Error($"The stack overflowed before '{scenario}' could finish, which ends the process: look for a method that calls itself without end.{tail}");
        }

        return run.Finished
            ? CheckOutcome.Error($"The harness did not report '{scenario}'.")
            : CheckOutcome.Error(
                $"The process running this task's code ended (exit code {run.Process.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}) before '{scenario}' could run: "
                + $"a crash such as a stack overflow, the memory limit, or Environment.FailFast.{tail}");
    }
}
