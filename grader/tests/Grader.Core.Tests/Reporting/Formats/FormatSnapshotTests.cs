using System.Globalization;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Reporting.Formats;

/// <summary>
/// Pins each format's exact output for a fixed result that holds every status, a hidden check and hostile
/// student text. Run with UPDATE_SNAPSHOTS=1 to rewrite, then review the diff.
/// </summary>
public sealed class FormatSnapshotTests
{
    public static TheoryData<string, bool, string> Cases() => new()
    {
        { "json", false, "format-hostile.json" },
        { "markdown", false, "format-hostile.md" },
        { "markdown", true, "format-hostile-revealed.md" },
        { "junit", false, "format-hostile.junit.xml" },
        { "gradescope", false, "format-hostile.gradescope.json" },
        { "gradescope", true, "format-hostile-revealed.gradescope.json" },
        { "prairielearn", false, "format-hostile.prairielearn.json" },
        { "github", false, "format-hostile.github.txt" },
        { "sarif", false, "format-hostile.sarif" },
        { "human", false, "format-hostile.human.txt" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_format_renders_exactly_its_snapshot(string format, bool revealHidden, string snapshot)
    {
        var output = await FormatRendering.RenderAsync(format, SampleResults.Hostile(), FormatRendering.Fixed(revealHidden));

        Snapshot.Match(snapshot, output);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_format_is_the_same_under_a_decimal_comma_culture(string format, bool revealHidden, string snapshot)
    {
        var previous = CultureInfo.CurrentCulture;
        // The build runs in invariant-globalization mode, so a decimal-comma culture is made by hand.
        var decimalComma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        decimalComma.NumberFormat.NumberDecimalSeparator = ",";
        decimalComma.NumberFormat.PercentDecimalSeparator = ",";
        CultureInfo.CurrentCulture = decimalComma;
        try
        {
            Assert.Equal(Snapshot.Read(snapshot), await FormatRendering.RenderAsync(format, SampleResults.Hostile(), FormatRendering.Fixed(revealHidden)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
