using Grader.Core.Reporting;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Reporting;

public sealed class HumanReporterTests
{
    [Fact]
    public async Task Renders_the_tables_problems_and_score_without_colour_when_asked()
    {
        var output = await Render(color: false);

        Snapshot.Match("human-mixed.txt", output);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uses_colour_when_asked_and_escapes_student_text()
    {
        var output = await Render(color: true);

        Assert.Contains("\u001b[", output, StringComparison.Ordinal);
        Assert.Contains("alice [bold]", output, StringComparison.Ordinal);
        Assert.Contains("[red]x[/]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_not_depend_on_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        // The build runs in invariant-globalization mode, so a decimal-comma culture is made by hand.
        var decimalComma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        decimalComma.NumberFormat.NumberDecimalSeparator = ",";
        decimalComma.NumberFormat.PercentDecimalSeparator = ",";
        Thread.CurrentThread.CurrentCulture = decimalComma;
        try
        {
            Assert.Equal(await Render(color: false), Snapshot.Read("human-mixed.txt"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    private static async Task<string> Render(bool color)
    {
        using var writer = new StringWriter();
        await new HumanReporter(new ReportOptions(color, false)).WriteAsync(SampleResults.Mixed(), writer, CancellationToken.None);
        return writer.ToString();
    }
}
