using System.Text;
using System.Text.Json;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Python.Facts;
using Grader.Core.Submissions;

namespace Grader.Python.Tools;

/// <summary>
/// Runs the assignment's analysis script once for a whole submission: the files travel on stdin, the facts
/// come back as one JSON document on stdout.
/// </summary>
public sealed class PythonAnalyzer(IProcessRunner runner)
{
    public const string FullMode = "full";
    public const string CompileMode = "compile";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task<ToolRun<AnalysisResponse>> AnalyzeAsync(
        PythonInterpreter interpreter,
        string scriptPath,
        string mode,
        IReadOnlyCollection<SubmissionFile> files,
        ScratchSpace scratch,
        CancellationToken cancellationToken)
    {
        var request = new ProcessRequest(
            interpreter.Path,
            ["-I", "-S", "-B", scriptPath],
            scratch.Home,
            PythonChildEnvironment.For(scratch.Home, null),
            BuildRequest(mode, files),
            Timeout,
            MaxCapturedBytes: 64 * 1024 * 1024,
            RunsNoSubmissionCode: true);
        var outcome = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            return ToolRun<AnalysisResponse>.Failed(Describe(outcome, interpreter));
        }

        try
        {
            var response = JsonSerializer.Deserialize(outcome.StandardOutput.Text, FactsJsonContext.Default.AnalysisResponse);
            return response is null
                ? ToolRun<AnalysisResponse>.Failed("the analysis script printed nothing")
                : ToolRun<AnalysisResponse>.Of(response);
        }
        catch (JsonException exception)
        {
            return ToolRun<AnalysisResponse>.Failed($"the analysis script printed invalid JSON ({exception.Message})");
        }
    }

    private static string BuildRequest(string mode, IReadOnlyCollection<SubmissionFile> files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("mode", mode);
            writer.WriteStartArray("files");
            foreach (var file in files)
            {
                writer.WriteStartObject();
                writer.WriteString("name", file.Path);
                writer.WriteBase64String("source_b64", file.Content.AsSpan());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Describe(ProcessOutcome outcome, PythonInterpreter interpreter)
    {
        if (outcome.StartError is not null)
        {
            return $"could not start {interpreter.Path}: {outcome.StartError}";
        }

        if (outcome.TimedOut)
        {
            return $"the analysis script did not finish within {Timeout.TotalSeconds:0} s";
        }

        var lastLine = outcome.StandardError.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "no message";
        return $"the analysis script failed with exit code {outcome.ExitCode}: {lastLine}";
    }
}
