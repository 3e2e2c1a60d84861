using System.Text;
using System.Text.Json;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Core.Similarity;
using Grader.Python.Tools;

namespace Grader.Python.Similarity;

/// <summary>
/// Runs the assignment's tokens.py once for many files (a whole batch): the files travel on stdin, the normalised
/// tokens come back as one JSON document on stdout. One process for 200 submissions, not one per file.
/// </summary>
public sealed class PythonTokenizer(IProcessRunner runner)
{
    /// <summary>The script, relative to the assignment's folder.</summary>
    public const string Script = "analysis/tokens.py";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public async Task<ToolRun<TokenizerResponse>> TokenizeAsync(
        PythonInterpreter interpreter,
        string scriptPath,
        IReadOnlyCollection<TokenizerInput> files,
        ScratchSpace scratch,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var request = new ProcessRequest(
            interpreter.Path,
            ["-I", "-S", "-B", scriptPath],
            scratch.Home,
            PythonChildEnvironment.For(scratch.Home, null),
            BuildRequest(files),
            limit,
            MaxCapturedBytes: 256 * 1024 * 1024,
            RunsNoSubmissionCode: true);
        var outcome = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            return ToolRun<TokenizerResponse>.Failed(Describe(outcome, interpreter, limit));
        }

        if (outcome.StandardOutput.Truncated)
        {
            return ToolRun<TokenizerResponse>.Failed($"the tokenizer printed more than {request.MaxCapturedBytes} bytes; tokenize fewer files per run");
        }

        try
        {
            var response = TokenizerResponseReader.Read(outcome.StandardOutput.Text);
            return ToolRun<TokenizerResponse>.Of(WithEveryFile(response, files));
        }
        catch (JsonException exception)
        {
            return ToolRun<TokenizerResponse>.Failed($"the tokenizer printed invalid JSON ({exception.Message})");
        }
    }

    // A file the script did not answer for must not silently look empty.
    private static TokenizerResponse WithEveryFile(TokenizerResponse response, IReadOnlyCollection<TokenizerInput> files)
    {
        var missing = files.Where(file => !response.Files.ContainsKey(file.Id)).ToList();
        return missing.Count == 0
            ? response
            : response with
            {
                Files = response.Files.SetItems(missing.Select(file =>
                    KeyValuePair.Create(file.Id, new TokenizedFile([], "the tokenizer gave no answer for this file")))),
            };
    }

    private static string BuildRequest(IReadOnlyCollection<TokenizerInput> files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("files");
            foreach (var file in files)
            {
                writer.WriteStartObject();
                writer.WriteString("id", file.Id);
                writer.WriteBase64String("source_b64", file.Source.AsSpan());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Describe(ProcessOutcome outcome, PythonInterpreter interpreter, TimeSpan limit)
    {
        if (outcome.StartError is not null)
        {
            return $"could not start {interpreter.Path}: {outcome.StartError}";
        }

        if (outcome.TimedOut)
        {
            return $"the tokenizer did not finish within {limit.TotalSeconds:0} s";
        }

        var lastLine = outcome.StandardError.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? outcome.StandardOutput.Text.Trim();
        return $"the tokenizer failed with exit code {outcome.ExitCode}: {(lastLine.Length == 0 ? "no message" : lastLine)}";
    }
}
