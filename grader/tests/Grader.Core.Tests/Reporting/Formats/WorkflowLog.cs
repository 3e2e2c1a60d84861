namespace Grader.Core.Tests.Reporting.Formats;

/// <summary>Reads a GitHub Actions log as the runner does: line by line, commands ignored inside a stop-commands fence.</summary>
internal static class WorkflowLog
{
    /// <summary>The lines the runner would parse for commands; fails when a fence is left open.</summary>
    public static List<string> LinesOutsideFences(string log)
    {
        var outside = new List<string>();
        string? token = null;
        // The runner ends a line at LF; a CR alone must not start a command either, so both split here.
        foreach (var line in log.Split(['\n', '\r']))
        {
            if (token is not null)
            {
                if (line == $"::{token}::")
                {
                    token = null;
                }

                continue;
            }

            if (line.StartsWith("::stop-commands::", StringComparison.Ordinal))
            {
                token = line["::stop-commands::".Length..];
                Assert.True(token.Length >= 32, "the stop token must be long enough not to be guessed");
                continue;
            }

            outside.Add(line);
        }

        Assert.Null(token);
        return outside;
    }
}
