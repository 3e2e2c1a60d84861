using System.Globalization;

namespace Grader.Python.Checks;

// Small wording helpers shared by the Python checks' messages.
internal static class CheckText
{
    public static string Count(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");

    public static string Location(string file, int? line, int? column = null) =>
        line is null ? file : column is null ? $"{file}:{line}" : $"{file}:{line}:{column}";
}
