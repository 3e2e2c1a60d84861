using System.Text.Json;
using Grader.Core.Checks;
using Grader.Core.Evidence;
using Grader.Core.Results;
using Grader.Python.Behaviour;

namespace Grader.Checks.PythonAsync.Probe;

/// <summary>
/// Finds a scenario's observation for a behaviour check and turns every way it can be missing into the right
/// status: a run that timed out is <c>timeout</c>, a crash or exit is <c>error</c> with the last output lines.
/// Only a scenario that ran to its end reaches the check's own judgement.
/// </summary>
internal static class ScenarioJudge
{
    /// <param name="usableDespiteFailure">For facts recorded before the scenario failed: when it holds, the judge sees
    /// the observation even though the call raised later (e.g. a Task was returned, and awaiting it raised).</param>
    public static CheckOutcome Judge(
        TaskCheckContext context, string scenario, Func<Observation, Tolerance, CheckOutcome> judge, Func<Observation, bool>? usableDespiteFailure = null) =>
        JudgeAll(context, [scenario], (observations, tolerance) => judge(observations[0], tolerance), usableDespiteFailure);

    /// <summary>The same judgement of each scenario (a rule tried with other arguments): the first that does not pass.</summary>
    public static CheckOutcome JudgeEach(
        TaskCheckContext context, IReadOnlyList<string> scenarios, Func<Observation, Tolerance, CheckOutcome> judge, Func<Observation, bool>? usableDespiteFailure = null) =>
        JudgeAll(context, scenarios, (observations, tolerance) =>
        {
            var outcomes = observations.Select(observation => judge(observation, tolerance)).ToList();
            return outcomes.FirstOrDefault(outcome => outcome.Status != CheckStatus.Passed) ?? outcomes[^1];
        }, usableDespiteFailure);

    public static CheckOutcome JudgeAll(
        TaskCheckContext context,
        IReadOnlyList<string> scenarios,
        Func<IReadOnlyList<Observation>, Tolerance, CheckOutcome> judge,
        Func<Observation, bool>? usableDespiteFailure = null) =>
        JudgeAll(context.Evidence, context.Task.Number, scenarios, judge, usableDespiteFailure);

    /// <summary>A scenario of the chain, the course's main files run on the student's own modules (a project check).</summary>
    public static CheckOutcome JudgeMain(
        ProjectCheckContext context, int main, Func<Observation, Tolerance, CheckOutcome> judge, Func<Observation, bool>? usableDespiteFailure = null)
    {
        if (!context.Options.Tasks.IsEmpty)
        {
            return CheckOutcome.Skipped("The course's main files run only when every task is graded (no --task).", SkipKind.Waived);
        }

        return JudgeAll(context.Evidence, BehaviourEvidence.MainTask(main), [$"main_{main}"], (observations, tolerance) => judge(observations[0], tolerance), usableDespiteFailure);
    }

    private static CheckOutcome JudgeAll(
        SubmissionEvidence submissionEvidence,
        int task,
        IReadOnlyList<string> scenarios,
        Func<IReadOnlyList<Observation>, Tolerance, CheckOutcome> judge,
        Func<Observation, bool>? usableDespiteFailure)
    {
        if (submissionEvidence.Items.GetValueOrDefault(BehaviourEvidence.Key) is not BehaviourEvidence evidence)
        {
            return CheckOutcome.Error("The behaviour tests did not run.");
        }

        if (evidence.Unavailable is { } reason)
        {
            return CheckOutcome.Error($"The behaviour tests could not run: {reason}.");
        }

        if (!evidence.Runs.TryGetValue(task, out var run))
        {
            return CheckOutcome.Error(task >= BehaviourEvidence.FirstMainTask ? "The course's main file did not run." : $"The behaviour tests of task {task} did not run.");
        }

        if (ImportProblem(run) is { } importProblem)
        {
            return importProblem;
        }

        var observations = new List<Observation>();
        foreach (var id in scenarios)
        {
            if (run.Scenario(id) is not { } found)
            {
                return Missing(run, id);
            }

            var observation = new Observation(found);
            if (Abnormal(observation) is { } abnormal && usableDespiteFailure?.Invoke(observation) != true)
            {
                return abnormal;
            }

            observations.Add(observation);
        }

        var outcome = judge(observations, Tolerance.For(evidence.Clock, observations.Select(o => o.ClockLateness).DefaultIfEmpty(0).Max()));
        return Tampered(observations) is { } tampered ? FailClosed(outcome, tampered) : outcome;
    }

    // The probe's own replacements (asyncio.sleep, random's functions, time's clocks, the event loop policy) that the
    // student's code overwrote before or during a scenario: what the grader measured with was no longer its own.
    // Facts scenarios (their ids hold "_is_", and the import's bindings) call nothing, so no instrument stands behind them.
    private static string? Tampered(IReadOnlyList<Observation> observations)
    {
        var names = observations
            .Where(observation => observation.String("scenario") is { } id && id != "import" && !id.Contains("_is_", StringComparison.Ordinal))
            .SelectMany(observation => observation.Array("tampered").Concat(observation.Array("tampered_after")))
            .Where(name => name.ValueKind == JsonValueKind.String)
            .Select(name => name.GetString()!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return names.Count == 0
            ? null
            : $"the code replaced the grader's {string.Join(", ", names)}, which the grader measures the code with, so its results cannot be trusted: "
                + "leave the asyncio, random and time modules as they are";
    }

    // Fail closed: a check that would pass on tampered instruments fails; one that fails already keeps its own message
    // and says what was tampered with as a finding.
    private static CheckOutcome FailClosed(CheckOutcome outcome, string tampered) =>
        outcome.Status == CheckStatus.Passed
            ? CheckOutcome.Fail($"This cannot be judged, so it fails: {tampered}.", [TamperFinding(tampered)])
            : outcome with { Findings = outcome.Findings.Add(TamperFinding(tampered)) };

    private static Finding TamperFinding(string tampered) => new(null, null, null, "tampered", char.ToUpperInvariant(tampered[0]) + tampered[1..] + ".");

    private static CheckOutcome? ImportProblem(ProbeRun run)
    {
        if (run.Scenario("import") is not { } found)
        {
            return Missing(run, "import");
        }

        var import = new Observation(found);
        if (import.Status == "ok")
        {
            return null;
        }

        var module = import.String("failed_module") ?? "the task's modules";
        return Abnormal(import) is { } abnormal
            ? abnormal with { Message = $"Importing {module} failed, so its behaviour cannot be tested: {abnormal.Message}" }
            : CheckOutcome.Error($"Importing {module} failed.");
    }

    private static CheckOutcome? Abnormal(Observation observation) => observation.Status switch
    {
        "ok" => null,
        "timeout" => CheckOutcome.TimedOut($"{observation.Call} was still running at the scenario's time limit on the grader's clock: it never finishes (an endless loop of awaits?)."),
        "deadlock" => CheckOutcome.TimedOut($"{observation.Call} waits forever: it awaits something that nothing will ever complete."),
        "exit" => CheckOutcome.Error($"{observation.Call} called sys.exit({Observation.Show(observation.Property("exit_code") ?? default)}): the code must not exit the program."),
        _ => CheckOutcome.Error($"{observation.Call} raised {Exception(observation)}."),
    };

    public static string Exception(Observation observation)
    {
        if (observation.Property("exception") is not { ValueKind: JsonValueKind.Object } exception)
        {
            return "an exception";
        }

        var type = exception.TryGetProperty("type", out var t) ? t.GetString() : "an exception";
        var message = exception.TryGetProperty("message", out var m) ? m.GetString() : null;
        var where = exception.TryGetProperty("where", out var w) && w.ValueKind == JsonValueKind.String ? $" at {w.GetString()}" : string.Empty;
        return string.IsNullOrEmpty(message) ? $"{type}{where}" : $"{type}: {message}{where}";
    }

    private static CheckOutcome Missing(ProbeRun run, string scenario)
    {
        var output = run.LastOutputLines();
        var tail = output.Length == 0 ? string.Empty : $" Last output: {output}";
        var main = scenario.StartsWith("main_", StringComparison.Ordinal) ? $"python3 {scenario["main_".Length..]}-main.py" : null;
        if (run.Process.TimedOut)
        {
            return CheckOutcome.TimedOut(main is not null
                ? $"{main} was stopped after {run.Process.Elapsed.TotalSeconds:0.#} s of real time: your code loops without ever awaiting, or blocks.{tail}"
                : $"The code of this task was stopped after {run.Process.Elapsed.TotalSeconds:0.#} s of real time and never reported '{scenario}': it loops without ever awaiting, or blocks, in that scenario or an earlier one.{tail}");
        }

        if (run.Process.StartError is { } startError)
        {
            return CheckOutcome.Error($"The behaviour tests could not start: {startError}");
        }

        return run.Finished
            ? CheckOutcome.Error($"The probe did not report '{scenario}'.")
            : CheckOutcome.Error($"The process running {(main is not null ? main : "this task's code")} ended (exit code {run.Process.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}) before '{scenario}' could run: os._exit, a crash, or the memory limit.{tail}");
    }
}
