using System.Globalization;
using Grader.Core.Engine;
using Grader.Core.Results;

namespace Grader.Cli.Reports;

/// <summary>
/// <c>--fail-under SCORE</c>: the exit code follows the score instead of every check passing. "80%" is a share of
/// the maximum, "12.5" a number of points; a score at or above it exits 0, below it 1.
/// </summary>
internal sealed record FailUnder(double Threshold, bool IsPercent)
{
    // Points are sums of halves and quarters; a margin keeps 80% of 7.5 from failing on a rounding error.
    private const double Tolerance = 1e-9;

    public static FailUnder? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        var isPercent = trimmed.EndsWith('%');
        var number = (isPercent ? trimmed[..^1] : trimmed).Trim();
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value < 0 || (isPercent && value > 100))
        {
            throw GraderSetupException.InvalidOption("--fail-under", $"'{text}' is not a score; write a share of the maximum like 80% (0 to 100) or points like 12.5.");
        }

        return new FailUnder(value, isPercent);
    }

    public bool IsMet(GradingResult result) => IsPercent
        ? result.MaxScore == 0 || (result.Score / result.MaxScore * 100) + Tolerance >= Threshold
        : result.Score + Tolerance >= Threshold;
}
