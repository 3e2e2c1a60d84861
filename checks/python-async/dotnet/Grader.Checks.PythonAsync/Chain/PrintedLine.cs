using System.Globalization;
using Grader.Checks.PythonAsync.Probe;

namespace Grader.Checks.PythonAsync.Chain;

/// <summary>
/// What one line a course main file prints must look like, as the course's checker reads it: the call that printed it,
/// and a judge that names what is wrong with the line (null when nothing is). Python's own spellings are read: a float
/// always has a point or an exponent (3 is an int), a list is [a, b, ...]. The tolerance is the clock's, for a time
/// measured on it.
/// </summary>
internal sealed record PrintedLine(string Call, Func<string, Tolerance, string?> Problem)
{
    /// <param name="measured">True for a time measured on the clock, which may pass the bound by the clock's tolerance.</param>
    public static PrintedLine Delay(string call, double maxDelay, bool measured = false) => new(call, (line, tolerance) =>
        !TryFloat(line, out var value)
            ? $"not a float{(IsInt(line) ? " (an int: return the float random.uniform gives)" : string.Empty)}"
            : value < 0 || (measured ? !tolerance.AtMost(maxDelay, value) : value > maxDelay) ? $"not between 0 and {Observation.Format(maxDelay)}" : null);

    public static PrintedLine AscendingDelays(string call, int count, double maxDelay) => new(call, (line, tolerance) =>
    {
        if (!TryFloatList(line, out var values))
        {
            return "not a list of floats";
        }

        if (values.Count != count)
        {
            return $"a list of {values.Count} values, not of {count}";
        }

        if (values.Any(value => value < 0 || value > maxDelay))
        {
            return maxDelay == 0 ? "not all 0.0" : $"not all between 0 and {Observation.Format(maxDelay)}";
        }

        // Two delays closer than the clock can tell apart may come in either order: on the real clock, a loaded machine
        // can wake two close timers late by different amounts.
        var tie = tolerance.RealClock ? tolerance.Absolute : tolerance.Tie;
        return values.Zip(values.Skip(1)).Any(pair => pair.Second < pair.First - tie) ? "not in ascending order" : null;
    });

    public static bool TryFloat(string text, out double value)
    {
        var trimmed = text.Trim();
        value = 0;
        return trimmed.IndexOfAny(['.', 'e', 'E']) >= 0
            && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    public static bool TryFloatList(string text, out List<double> values)
    {
        values = [];
        var trimmed = text.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '[' || trimmed[^1] != ']')
        {
            return false;
        }

        var inside = trimmed[1..^1];
        if (inside.Trim().Length == 0)
        {
            return true;
        }

        foreach (var item in inside.Split(','))
        {
            if (!TryFloat(item, out var value))
            {
                return false;
            }

            values.Add(value);
        }

        return true;
    }

    private static bool IsInt(string text) => long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}
