using System.Globalization;
using System.Text;

namespace Grader.Core.Tests.Python.Differential;

/// <summary>The table the test prints (and writes to GRADER_DIFFERENTIAL_REPORT): variants, scenarios, disagreements.</summary>
internal static class DifferentialReport
{
    public static string Render(int corpusSize, IReadOnlyList<VariantOutcome> outcomes, DifferentialInterpreters interpreters, string? selection, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        var disagreements = outcomes.SelectMany(outcome => outcome.Disagreements).ToList();
        var skipped = outcomes.SelectMany(outcome => outcome.Skipped).ToList();
        var scope = string.IsNullOrEmpty(selection) ? "the CI sample; GRADER_DIFFERENTIAL=all runs every one" : "selection " + selection;
        var versions = string.Join(" and ", interpreters.Found.Select(python => python.Version.ToString(3)));
        var missing = interpreters.Missing.IsEmpty ? string.Empty : $" (not found: {string.Join(", ", interpreters.Missing)})";
        text.AppendLine(CultureInfo.InvariantCulture, $"Differential fidelity: {outcomes.Count} of {corpusSize} variants ({scope}), under Python {versions}{missing}");
        text.AppendLine("Each scenario is compared between the grader's probe (virtual clock) and real asyncio under the same Python; a variant that disagrees is run on real asyncio once more before its disagreements count.");
        text.AppendLine();
        text.AppendLine("| variant | task | family | mutations | compared | skipped | disagreements | retried |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var outcome in outcomes)
        {
            var variant = outcome.Variant;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {variant.Id} | {variant.Task} | {variant.Family} | {string.Join("+", variant.Mutations)} | {outcome.Compared} | {outcome.Skipped.Length} | {outcome.Disagreements.Length} | {(outcome.Retried.IsEmpty ? string.Empty : "yes")} |");
        }

        text.AppendLine();
        text.AppendLine("Skipped scenarios (not comparable), by reason:");
        foreach (var group in skipped.GroupBy(Reason).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {group.Key}: {group.Count()}");
        }

        var retried = outcomes.Where(outcome => !outcome.Retried.IsEmpty).ToList();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Retried real runs: {retried.Count} variant(s){(retried.Count == 0 ? "." : ":")}");
        foreach (var outcome in retried)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {outcome.Variant.Id}: {string.Join("; ", outcome.Retried)}{(outcome.Disagreements.IsEmpty ? " (agreed on the second run)" : string.Empty)}");
        }

        var notes = outcomes.SelectMany(outcome => outcome.Notes.Select(note => $"{outcome.Variant.Id} {note}")).ToList();
        if (notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Notes:");
            foreach (var note in notes)
            {
                text.AppendLine("- " + note);
            }
        }

        var inconclusive = outcomes.SelectMany(outcome => outcome.Inconclusive).ToList();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Inconclusive (not counted): {inconclusive.Count} difference(s) in scenarios whose real run the machine held back for most of the gap between two sleeps' ends on each of replay.py's attempts{(inconclusive.Count == 0 ? "." : ":")}");
        foreach (var difference in inconclusive)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {difference.Variant} [Python {difference.Python}] task {difference.Task} {difference.Scenario}: {difference.What}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Disagreements: {disagreements.Count}");
        foreach (var disagreement in disagreements)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {disagreement.Variant} [Python {disagreement.Python}] task {disagreement.Task} {disagreement.Scenario}: {disagreement.What}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    grader: {disagreement.Grader}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    real:   {disagreement.Real}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"SUMMARY variants={outcomes.Count} scenarios_compared={outcomes.Sum(outcome => outcome.Compared)} skipped={skipped.Count} inconclusive={inconclusive.Count} disagreements={disagreements.Count} seconds={elapsed.TotalSeconds:0}");
        return text.ToString();
    }

    private static string Reason(string skipped)
    {
        var open = skipped.IndexOf(" (", StringComparison.Ordinal);
        return open < 0 || !skipped.EndsWith(')') ? skipped : skipped[(open + 2)..^1];
    }
}
