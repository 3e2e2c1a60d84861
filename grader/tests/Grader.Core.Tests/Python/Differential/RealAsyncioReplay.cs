using System.Text.Json;
using Grader.Core.Processes;
using Grader.Core.Tests.Support;
using Grader.Python.Tools;

namespace Grader.Core.Tests.Python.Differential;

/// <summary>Runs replay.py: the grader's scenarios of one variant again, on real asyncio with real sleeps.</summary>
internal sealed class RealAsyncioReplay(IProcessRunner runner, string probeFolder, string home)
{
    public static string Script => Path.Combine(RepositoryPaths.Root, "grader", "tests", "Grader.Core.Tests", "Fixtures", "differential", "replay.py");

    public async Task<(JsonElement? Answer, string Error)> RunAsync(PythonInterpreter python, string variantFolder, string observationsFile)
    {
        var request = new ProcessRequest(
            python.Path,
            ["-B", Script, "--probe", probeFolder, variantFolder, observationsFile],
            variantFolder,
            PythonChildEnvironment.For(home, null),
            null,
            TimeSpan.FromMinutes(5),
            MaxCapturedBytes: 32 * 1024 * 1024);
        var outcome = await runner.RunAsync(request, CancellationToken.None);
        if (!outcome.Succeeded || outcome.StandardOutput.Truncated)
        {
            return (null, $"replay.py under Python {python.Version.ToString(3)} failed (exit {outcome.ExitCode}, timed out {outcome.TimedOut}): {Tail(outcome.StandardError.Text)}");
        }

        try
        {
            using var document = JsonDocument.Parse(outcome.StandardOutput.Text);
            return (document.RootElement.Clone(), string.Empty);
        }
        catch (JsonException exception)
        {
            return (null, $"replay.py under Python {python.Version.ToString(3)} printed no JSON: {exception.Message}");
        }
    }

    private static string Tail(string text) => text.Length > 600 ? text[^600..] : text;
}
