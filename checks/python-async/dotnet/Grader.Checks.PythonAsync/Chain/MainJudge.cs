using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.Chain;

/// <summary>
/// Judges what a course main file printed when the grader ran it on the student's own files (the chain): the lines it
/// must print, in order, each as the course's checker reads it. A failure quotes the output.
/// </summary>
internal static class MainJudge
{
    private const int QuotedCharacters = 400;

    public static CheckOutcome Judge(ProjectCheckContext context, int main, IReadOnlyList<PrintedLine> expected, Func<Observation, Tolerance, string?>? extra = null) =>
        ScenarioJudge.JudgeMain(context, main, (observation, tolerance) =>
        {
            var file = $"{main}-main.py";
            var lines = Lines(observation);
            if (observation.Status is "exception" or "exit")
            {
                var ending = observation.Status == "exit" ? $"called sys.exit({Observation.Show(observation.Property("exit_code") ?? default)})" : $"raised {ScenarioJudge.Exception(observation)}";
                return CheckOutcome.Fail($"python3 {file} {Printed(lines)}, then {ending}: your files do not work together as the course's main file uses them.");
            }

            if (lines.Count != expected.Count)
            {
                return CheckOutcome.Fail($"python3 {file} {Printed(lines)}: it must print {expected.Count} line{(expected.Count == 1 ? string.Empty : "s")}, one for each of {string.Join(", ", expected.Select(line => line.Call))}.");
            }

            for (var index = 0; index < expected.Count; index++)
            {
                if (expected[index].Problem(lines[index], tolerance) is { } problem)
                {
                    return CheckOutcome.Fail($"python3 {file} printed, for {expected[index].Call}, {Quote(lines[index])}: {problem}.");
                }
            }

            return extra?.Invoke(observation, tolerance) is { } wrong
                ? CheckOutcome.Fail($"python3 {file} {Printed(lines)}: {wrong}.")
                : CheckOutcome.Pass($"python3 {file} prints what the course expects: {string.Join(", ", expected.Select(line => line.Call))}.");
        }, observation => observation.Status is "exception" or "exit");

    private static List<string> Lines(Observation observation) =>
        [.. (observation.String("printed") ?? string.Empty).Split('\n').Select(line => line.TrimEnd('\r')).Reverse().SkipWhile(line => line.Length == 0).Reverse()];

    private static string Printed(IReadOnlyList<string> lines) =>
        lines.Count == 0 ? "printed nothing" : $"printed {string.Join(" / ", lines.Select(Quote))}";

    private static string Quote(string line) => line.Length <= QuotedCharacters ? $"'{line}'" : $"'{line[..QuotedCharacters]}...'";
}
