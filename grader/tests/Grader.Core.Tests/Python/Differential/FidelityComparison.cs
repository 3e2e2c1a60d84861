using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grader.Python.Behaviour;

namespace Grader.Core.Tests.Python.Differential;

/// <summary>
/// The comparison of one variant's grader observations with its real run under one interpreter: for each scenario
/// replayed, the status and exception, the result at the moment the call returned (same order and types; numbers equal
/// within a tolerance, since virtual wake-ups are up to 0.5 ms late and real ones as late as the machine's load makes
/// them (the tolerance grows with the latest real wake-up of the scenario); a time read from the
/// loop's own clock is in real seconds, so it may equal the grader's times the scale), the returned object, the spied
/// calls (function, arguments, status, value), the order they finished (ties on the virtual clock in either order),
/// the draws and sleeps asked for, the reads of the clock and the loops created.
/// </summary>
internal sealed partial class FidelityComparison
{
    /// <summary>What a task whose probe run did not finish disagrees in: the grader saw nothing to replay.</summary>
    public const string Unfinished = "grader's run did not finish";

    // Sleeps' ends at the same virtual moment may finish in either order on the real clock.
    private const double TieEpsilon = 1e-6;

    private readonly List<Disagreement> disagreements = [];
    private readonly List<Disagreement> inconclusive = [];
    private readonly List<string> skipped = [];
    private readonly List<string> notes = [];
    private readonly DifferentialVariant variant;
    private readonly string python;

    private FidelityComparison(DifferentialVariant variant, string python)
    {
        this.variant = variant;
        this.python = python;
    }

    public int Compared { get; private set; }

    public ImmutableArray<Disagreement> Disagreements => [.. disagreements];

    /// <summary>Differences in scenarios whose real run the machine held back longer than the gap on every attempt.</summary>
    public ImmutableArray<Disagreement> Inconclusive => [.. inconclusive];

    public ImmutableArray<string> Skipped => [.. skipped];

    public ImmutableArray<string> Notes => [.. notes];

    public static FidelityComparison Of(DifferentialVariant variant, string python, IReadOnlyDictionary<int, ProbeRun> runs, JsonElement? answer, string error)
    {
        var comparison = new FidelityComparison(variant, python);
        if (answer is not { } real)
        {
            comparison.Add(-1, "-", "replay", "-", error);
            return comparison;
        }

        foreach (var (task, run) in runs.OrderBy(pair => pair.Key))
        {
            comparison.CompareTask(task, run, real);
        }

        return comparison;
    }

    private void CompareTask(int task, ProbeRun run, JsonElement real)
    {
        if (!run.Finished)
        {
            Add(task, "-", Unfinished, $"exit {run.Process.ExitCode}, timed out {run.Process.TimedOut}, {run.Observations.Count} scenarios: {run.LastOutputLines(3)}", "(not replayed)");
            return;
        }

        var replayed = real.GetProperty("tasks").TryGetProperty(task.ToString(CultureInfo.InvariantCulture), out var found) ? found : default;
        if (replayed.ValueKind != JsonValueKind.Object)
        {
            Add(task, "-", "task not replayed", "-", "-");
            return;
        }

        var gradersImport = run.Scenario("import") is { } import ? Text(import, "status") : "missing";
        var realImport = Text(replayed.GetProperty("import"), "status");
        if (gradersImport != realImport)
        {
            Add(task, "import", "import status", gradersImport, realImport);
            return;
        }

        var scenarios = replayed.GetProperty("scenarios");
        foreach (var (scenario, observation) in run.Observations)
        {
            if (scenario == "import")
            {
                continue;
            }

            if (!scenarios.TryGetProperty(scenario, out var other))
            {
                Add(task, scenario, "scenario not replayed", "-", "-");
                continue;
            }

            if (other.TryGetProperty("skipped", out var reason))
            {
                skipped.Add($"{task}:{scenario} ({reason.GetString()})");
                continue;
            }

            Compared++;
            var before = disagreements.Count;
            CompareScenario(task, scenario, observation, other);
            if (Field(other, "stalled").ValueKind == JsonValueKind.True && disagreements.Count > before)
            {
                // Two timers may have fired together on the real clock: the run says nothing about their order.
                inconclusive.AddRange(disagreements.Skip(before));
                disagreements.RemoveRange(before, disagreements.Count - before);
            }
        }
    }

    private void CompareScenario(int task, string scenario, JsonElement grader, JsonElement real)
    {
        // A time measured around real sleeps is late by what the machine's load made them late: the tolerance grows
        // with the latest wake-up of the real run (seconds, in the grader's units once divided by the scale).
        var scale = real.GetProperty("scale").GetDouble();
        var lateness = real.TryGetProperty("lateness", out var late) && late.ValueKind == JsonValueKind.Number ? Math.Max(0, late.GetDouble()) : 0;
        var tolerance = 0.01 + ((0.01 + (2 * lateness)) / scale);
        double? readsLoopClock = Field(real, "loop_time_calls") is { ValueKind: JsonValueKind.Number } reads && reads.GetInt32() > 0 ? scale : null;
        if (real.TryGetProperty("smallest_gap", out var gap) && gap.ValueKind == JsonValueKind.Number && gap.GetDouble() * scale < 0.015 * 0.99)
        {
            notes.Add($"{task}:{scenario}: sleeps end {gap.GetDouble():0.####} s apart, {gap.GetDouble() * scale * 1000:0.#} ms real at the largest scale");
        }

        foreach (var divergence in real.GetProperty("divergences").EnumerateArray())
        {
            Add(task, scenario, "replay diverged", "-", divergence.GetString()!);
        }

        var status = Text(grader, "status");
        if (status != Text(real, "status"))
        {
            Add(task, scenario, "status", $"{status} {ExceptionType(grader)}", $"{Text(real, "status")} {ExceptionType(real)}");
            return;
        }

        if (status != "ok")
        {
            Same(task, scenario, "exception type", ExceptionType(grader), ExceptionType(real));
        }

        if (!JsonAgrees(Field(grader, "result"), Field(real, "result"), tolerance, readsLoopClock))
        {
            Add(task, scenario, "result", Show(grader, "result"), Show(real, "result"));
        }

        foreach (var name in (string[])["result_type", "result_element_types", "returned_type", "awaited", "is_task", "is_future", "is_coroutine", "returned_class", "done_when_returned", "loops_created"])
        {
            if (grader.TryGetProperty(name, out var expected) && !JsonAgrees(expected, Field(real, name), 0, null))
            {
                Add(task, scenario, name, Short(expected.GetRawText()), Show(real, name));
            }
        }

        if (grader.TryGetProperty("time_calls", out var times))
        {
            Same(task, scenario, "time_calls", Canonical(times), real.TryGetProperty("time_calls", out var realTimes) ? Canonical(realTimes) : "-");
        }

        CompareDraws(task, scenario, grader, real, tolerance, readsLoopClock);
        CompareSleeps(task, scenario, grader, real, tolerance, readsLoopClock);
        CompareSpies(task, scenario, grader, real, tolerance, readsLoopClock);
    }

    private void CompareDraws(int task, string scenario, JsonElement grader, JsonElement real, double tolerance, double? scale)
    {
        var expected = Items(grader, "random_calls");
        var actual = Items(real, "random_calls");
        var asked = string.Join(", ", expected.Select(call => $"{Text(call, "fn")}{Field(call, "args").GetRawText()}"));
        var realAsked = string.Join(", ", actual.Select(call => $"{Text(call, "fn")}{Field(call, "args").GetRawText()}"));
        if (expected.Count != actual.Count || expected.Zip(actual).Any(pair =>
                Text(pair.First, "fn") != Text(pair.Second, "fn") || !JsonAgrees(Field(pair.First, "args"), Field(pair.Second, "args"), tolerance, scale)))
        {
            Add(task, scenario, "random draws", asked, realAsked);
        }
    }

    // A loop that polls with a constant sleep may poll a different number of times on the real clock (each real
    // iteration costs time the virtual clock does not count): runs of one repeated length count as one.
    private void CompareSleeps(int task, string scenario, JsonElement grader, JsonElement real, double tolerance, double? scale)
    {
        var expected = Items(grader, "sleep_calls").Select(sleep => Field(sleep, "requested")).ToList();
        var actual = Items(real, "sleep_calls");
        bool Agree(IReadOnlyList<JsonElement> mine, IReadOnlyList<JsonElement> theirs) =>
            mine.Count == theirs.Count && mine.Zip(theirs).All(pair => JsonAgrees(pair.First, pair.Second, tolerance, scale));
        if (Agree(expected, actual))
        {
            return;
        }

        if (Agree(Runs(expected), Runs(actual)))
        {
            notes.Add($"{task}:{scenario}: a polling sleep repeated {expected.Count} times on the virtual clock, {actual.Count} on the real one");
            return;
        }

        Add(task, scenario, "sleeps asked", Short(string.Join(", ", expected.Select(item => item.GetRawText()))), Short(string.Join(", ", actual.Select(item => item.GetRawText()))));
    }

    private static List<JsonElement> Runs(IReadOnlyList<JsonElement> items) =>
        [.. items.Where((item, index) => index == 0 || item.GetRawText() != items[index - 1].GetRawText())];

    private void CompareSpies(int task, string scenario, JsonElement grader, JsonElement real, double tolerance, double? scale)
    {
        var expected = Items(grader, "spy_calls");
        var actual = Items(real, "spy_calls");
        string Calls(IEnumerable<JsonElement> calls) => Short(string.Join(", ", calls.Select(call => $"{Text(call, "fn")}{Field(call, "args").GetRawText()}")));
        if (expected.Count != actual.Count || expected.Zip(actual).Any(pair =>
                Text(pair.First, "fn") != Text(pair.Second, "fn") || !JsonAgrees(Field(pair.First, "args"), Field(pair.Second, "args"), tolerance, scale)
                || !JsonAgrees(Field(pair.First, "kwargs"), Field(pair.Second, "kwargs"), tolerance, scale)))
        {
            Add(task, scenario, "spied calls", Calls(expected), Calls(actual));
            return;
        }

        for (var index = 0; index < expected.Count; index++)
        {
            var (mine, theirs) = (expected[index], actual[index]);
            var label = $"spy {index} {Text(mine, "fn")}";
            Same(task, scenario, label + " status", Text(mine, "status"), Text(theirs, "status"));
            if (!JsonAgrees(Field(mine, "returned"), Field(theirs, "returned"), tolerance, scale))
            {
                Add(task, scenario, label + " returned", Field(mine, "returned").GetRawText(), Field(theirs, "returned").GetRawText());
            }

            if (mine.TryGetProperty("task_outcome", out var outcome) && outcome.ValueKind == JsonValueKind.Object)
            {
                var other = Field(theirs, "task_outcome");
                Same(task, scenario, label + " task status", Text(outcome, "status"), other.ValueKind == JsonValueKind.Object ? Text(other, "status") : "none");
            }
        }

        CompareFinishOrder(task, scenario, expected, actual);
    }

    // For each spied function, the grader's finishing times, grouped where they tie, must be the real run's order of
    // finishing, group by group. (Calls of different functions are not ordered against each other: a Task's end and
    // the end of the wait_random it wraps are one virtual moment, one loop step apart on the real clock.)
    private void CompareFinishOrder(int task, string scenario, IReadOnlyList<JsonElement> expected, IReadOnlyList<JsonElement> actual)
    {
        foreach (var function in expected.Select(call => Text(call, "fn")).Distinct(StringComparer.Ordinal))
        {
            CompareFinishOrder(task, scenario, expected, actual, function);
        }
    }

    private void CompareFinishOrder(int task, string scenario, IReadOnlyList<JsonElement> expected, IReadOnlyList<JsonElement> actual, string function)
    {
        var finished = new List<(int Index, double At, long Order)>();
        for (var index = 0; index < expected.Count; index++)
        {
            var (at, order) = (Finish(expected[index], "finished_at"), Finish(actual[index], "finished"));
            if (Text(expected[index], "fn") == function && at is { } time && order is { } sequence && Text(expected[index], "status") is "ok" or "exception")
            {
                finished.Add((index, time, (long)sequence));
            }
        }

        var byGrader = finished.OrderBy(item => item.At).ThenBy(item => item.Index).ToList();
        var byReal = finished.OrderBy(item => item.Order).ToList();
        var position = 0;
        while (position < byGrader.Count)
        {
            var end = position + 1;
            while (end < byGrader.Count && byGrader[end].At - byGrader[end - 1].At <= TieEpsilon)
            {
                end++;
            }

            var group = byGrader.Skip(position).Take(end - position).Select(item => item.Index).ToHashSet();
            if (!byReal.Skip(position).Take(end - position).All(item => group.Contains(item.Index)))
            {
                Add(
                    task,
                    scenario,
                    $"finish order of {function}",
                    string.Join(" ", byGrader.Select(item => $"{Text(expected[item.Index], "fn")}#{item.Index}@{item.At:0.####}")),
                    string.Join(" ", byReal.Select(item => $"{Text(expected[item.Index], "fn")}#{item.Index}")));
                return;
            }

            position = end;
        }
    }

    // A spy of a function returning a Task finished when its Task did; any other when its call did.
    private static double? Finish(JsonElement call, string field)
    {
        var source = call.TryGetProperty("task_outcome", out var outcome) && outcome.ValueKind == JsonValueKind.Object ? outcome : call;
        return source.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
    }

    /// <summary>
    /// Same JSON up to the numbers: the same kind (int or float, from the literal), and equal within the tolerance,
    /// or, given the <paramref name="scale"/> of a run whose student code read the loop's own clock (real seconds),
    /// equal to the grader's times the scale. An object the probe could not turn into JSON is compared by its type
    /// (its repr holds addresses).
    /// </summary>
    private static bool JsonAgrees(JsonElement expected, JsonElement actual, double tolerance, double? scale)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return false;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Number:
                if (IsFloat(expected) != IsFloat(actual))
                {
                    return false;
                }

                var (wanted, got) = (expected.GetDouble(), actual.GetDouble());
                return Math.Abs(wanted - got) <= tolerance || (scale is { } factor && Math.Abs(wanted - (got / factor)) <= tolerance);
            case JsonValueKind.Array:
                return expected.GetArrayLength() == actual.GetArrayLength()
                    && expected.EnumerateArray().Zip(actual.EnumerateArray()).All(pair => JsonAgrees(pair.First, pair.Second, tolerance, scale));
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal).ToList();
                if (names.SequenceEqual(["repr", "type"]))
                {
                    return actual.TryGetProperty("type", out var type) && type.GetString() == expected.GetProperty("type").GetString();
                }

                return names.SequenceEqual(actual.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal))
                    && names.All(name => JsonAgrees(expected.GetProperty(name), actual.GetProperty(name), tolerance, scale));
            default:
                return expected.GetRawText() == actual.GetRawText();
        }
    }

    private static bool IsFloat(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") >= 0;

    private void Same(int task, string scenario, string what, string grader, string real)
    {
        if (grader != real)
        {
            Add(task, scenario, what, grader, real);
        }
    }

    private void Add(int task, string scenario, string what, string grader, string real) =>
        disagreements.Add(new Disagreement(variant.Id, python, task, scenario, what, grader, real));

    private static JsonElement Field(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static List<JsonElement> Items(JsonElement element, string name) =>
        Field(element, name) is { ValueKind: JsonValueKind.Array } list ? [.. list.EnumerateArray()] : [];

    private static string Text(JsonElement element, string name) =>
        Field(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : Field(element, name).ValueKind == JsonValueKind.Undefined ? "-" : Field(element, name).GetRawText();

    private static string ExceptionType(JsonElement element) => Field(element, "exception") is { ValueKind: JsonValueKind.Object } exception ? Text(exception, "type") : "-";

    private static string Show(JsonElement element, string name) =>
        Field(element, name).ValueKind == JsonValueKind.Undefined ? "-" : Short(Field(element, name).GetRawText());

    private static string Canonical(JsonElement element) =>
        string.Join(",", element.EnumerateObject().OrderBy(property => property.Name, StringComparer.Ordinal).Select(property => $"{property.Name}={property.Value.GetRawText()}"));

    private static string Short(string text) => text.Length > 400 ? text[..400] + "..." : Addresses().Replace(text, "0x…");

    [GeneratedRegex("0x[0-9a-f]{6,}")]
    private static partial Regex Addresses();
}
