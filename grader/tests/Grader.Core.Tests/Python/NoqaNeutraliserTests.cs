using System.Text;
using Grader.Python.Tools;

namespace Grader.Core.Tests.Python;

public sealed class NoqaNeutraliserTests
{
    [Theory]
    [InlineData("x = 1  # noqa\n", "x = 1  # n0qa\n")]
    [InlineData("x = 1  # NOQA: E501\n", "x = 1  # N0QA: E501\n")]
    [InlineData("x = 1  # nopep8\n", "x = 1  # n0pep8\n")]
    [InlineData("x = 1  # not a marker\n", "x = 1  # not a marker\n")]
    public void Neutralises_markers_without_moving_any_column(string source, string expected)
    {
        var result = Encoding.UTF8.GetString(NoqaNeutraliser.Neutralise(Encoding.UTF8.GetBytes(source)));

        Assert.Equal(expected, result);
        Assert.Equal(source.Length, result.Length);
    }
}
