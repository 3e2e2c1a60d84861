using System.Text;
using Grader.Python.Checks.Conventions;

namespace Grader.Core.Tests.Checks;

public sealed class BadShebangTests
{
    private const string Shebang = "#!/usr/bin/env python3";

    [Theory]
    [InlineData("#!/usr/bin/env python3\nimport asyncio\n", null)]
    [InlineData("\uFEFF#!/usr/bin/env python3\n", "byte order mark")]
    [InlineData("\n#!/usr/bin/env python3\n", "blank line before the shebang")]
    [InlineData("#!/usr/bin/env python3\r\nimport asyncio\r\n", "CRLF")]
    [InlineData("#!/usr/bin/python3\n", "another interpreter: found '#!/usr/bin/python3'")]
    [InlineData("#!/usr/bin/env python3  \n", "trailing white space")]
    [InlineData("import asyncio\n", "the shebang is missing: the first line is 'import asyncio'")]
    public void Names_the_actual_problem(string content, string? expected)
    {
        var problem = BadShebang.Diagnose(Encoding.UTF8.GetBytes(content), Shebang);

        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }
}
