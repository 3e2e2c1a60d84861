using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grader.Core.Supervision;

/// <summary>What a patched random function gives for one fraction: its value, or the error Python would raise.</summary>
/// <param name="Number">The value as a double (an int value too), for matching sleeps to values.</param>
internal sealed record DrawnValue(JsonNode? Value, double? Number, string? ErrorType, string? ErrorMessage)
{
    public static DrawnValue Error(string type, string message) => new(null, null, type, message);
}

/// <summary>
/// The formulas of Python's random functions (and of System.Random's, for the C# harness), applied to a fraction the
/// supervisor chose: the child's stubs ask for a value and the supervisor computes it here, so that the value handed out and the one recorded are the same by
/// construction. The same IEEE arithmetic as CPython (<c>a + (b - a) * f</c> for uniform) gives the same double.
/// </summary>
internal static class RandomValues
{
    public static DrawnValue Compute(string function, IReadOnlyList<JsonElement> args, JsonElement? kwargs, double fraction)
    {
        switch (function)
        {
            case "random" when args.Count == 0:
                return Float(fraction);
            case "uniform" when args.Count == 2:
                return Real(args[0]) is { } a && Real(args[1]) is { } b
                    ? Float(a + ((b - a) * fraction))
                    : DrawnValue.Error("TypeError", "uniform() takes two numbers");
            case "triangular" when args.Count == 3:
                return Triangular(args, fraction);
            case "randint" when args.Count == 2:
                return Real(args[1]) is { } high ? PickRange(fraction, args[0], high + 1, 1) : NotANumber("randint");
            case "randrange" when args.Count is 1 or 2:
                var step = kwargs is { ValueKind: JsonValueKind.Object } extra && extra.TryGetProperty("step", out var given) ? Real(given) : 1;
                if (step is null)
                {
                    return NotANumber("randrange");
                }

                return args.Count == 1
                    ? PickRange(fraction, null, Real(args[0]), step.Value)
                    : PickRange(fraction, args[0], Real(args[1]), step.Value);
            case "choice" when args.Count == 1 && Real(args[0]) is { } length && length >= 1 && length == Math.Floor(length):
                return Int((long)Math.Floor(fraction * length));
            case "NextDouble" or "Sample" when args.Count == 0:
                return Float(fraction);
            case "NextSingle" when args.Count == 0:
                return Float((float)fraction);
            case "Next" or "NextInt64":
                return DotnetNext(function, args, fraction);
            default:
                return DrawnValue.Error("TypeError", $"{function}() got arguments the grader does not know");
        }
    }

    // System.Random's Next and NextInt64 as the harness's PlannedRandom maps a fraction: [0, max) or [min, max).
    private static DrawnValue DotnetNext(string function, IReadOnlyList<JsonElement> args, double fraction)
    {
        var top = function == "Next" ? int.MaxValue : (double)long.MaxValue;
        var bounds = args.Select(Real).ToList();
        if (bounds.Any(bound => bound is null) || args.Count > 2)
        {
            return NotANumber(function);
        }

        var (low, high) = args.Count switch
        {
            0 => (0.0, top),
            1 => (0.0, bounds[0]!.Value),
            _ => (bounds[0]!.Value, bounds[1]!.Value),
        };
        return high < low || high < 0 && args.Count == 1
            ? DrawnValue.Error("ArgumentOutOfRangeException", $"{function}: the upper bound is below the lower one")
            : Int((long)(low + Math.Floor(fraction * (high - low))));
    }

    private static DrawnValue Triangular(IReadOnlyList<JsonElement> args, double fraction)
    {
        if (Real(args[0]) is not { } low || Real(args[1]) is not { } high)
        {
            return NotANumber("triangular");
        }

        double c;
        if (args[2].ValueKind == JsonValueKind.Null)
        {
            c = 0.5;
        }
        else if (Real(args[2]) is { } mode)
        {
            if (high == low)
            {
                return Float(low);
            }

            c = (mode - low) / (high - low);
        }
        else
        {
            return NotANumber("triangular");
        }

        var u = fraction;
        if (u > c)
        {
            (u, c, low, high) = (1.0 - u, 1.0 - c, high, low);
        }

        return Float(low + ((high - low) * Math.Sqrt(u * c)));
    }

    // random.randrange as Python 3.7 checks its arguments; the member is range[int(fraction * len(range))].
    private static DrawnValue PickRange(double fraction, JsonElement? startArgument, double? stopValue, double step)
    {
        double start = 0;
        if (startArgument is { } given)
        {
            if (Real(given) is not { } value)
            {
                return NotANumber("randrange");
            }

            start = value;
        }

        if (stopValue is not { } stop)
        {
            return NotANumber("randrange");
        }

        if (start != Math.Floor(start) || stop != Math.Floor(stop) || step != Math.Floor(step))
        {
            return DrawnValue.Error("ValueError", "non-integer arg for randrange()");
        }

        if (step == 0)
        {
            return DrawnValue.Error("ValueError", "zero step for randrange()");
        }

        var count = step > 0 ? Math.Ceiling((stop - start) / step) : Math.Ceiling((start - stop) / -step);
        if (count <= 0)
        {
            return DrawnValue.Error("ValueError", $"empty range for randrange() ({start}, {stop}, {step})");
        }

        return Int((long)(start + (step * Math.Floor(fraction * count))));
    }

    private static DrawnValue NotANumber(string function) => DrawnValue.Error("TypeError", $"{function}() needs numbers");

    private static DrawnValue Float(double value) => double.IsFinite(value)
        ? new DrawnValue(JsonValue.Create(value), value, null, null)
        : DrawnValue.Error("ValueError", "the value drawn is not finite");

    private static DrawnValue Int(long value) => new(JsonValue.Create(value), value, null, null);

    // A Python real number as JSON carries it: a number, or a bool (True is 1).
    private static double? Real(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => null,
    };
}
