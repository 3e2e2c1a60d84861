using System.ComponentModel;
using System.Diagnostics;

namespace Grader.Core.Processes;

/// <summary>
/// Runs child processes with a cleaned environment, a wall-clock timeout that kills the whole process tree
/// (or process group), and capped output capture.
/// </summary>
public sealed class ProcessRunner : IProcessRunner
{
    public async Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = CreateStartInfo(request) };
        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            return ProcessOutcome.NotStarted($"{request.FileName}: {exception.Message}");
        }

        var stdout = new OutputCollector(request.MaxCapturedBytes);
        var stderr = new OutputCollector(request.MaxCapturedBytes);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopReading = new CancellationTokenSource();
        timeout.CancelAfter(request.Timeout);
        var reading = Task.WhenAll(
            request.Conversation is { } conversation
                ? TalkAsync(conversation, process, stopReading.Token)
                : stdout.ReadToEndAsync(process.StandardOutput.BaseStream, stopReading.Token),
            stderr.ReadToEndAsync(process.StandardError.BaseStream, stopReading.Token));
        if (request.Conversation is null)
        {
            await WriteInputAsync(process, request.StandardInput).ConfigureAwait(false);
        }

        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            Kill(process, request.OwnProcessGroup);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        if (request.OwnProcessGroup)
        {
            // Grandchildren left behind by the student's code must not outlive the grading, nor keep the pipes open.
            ProcessGroups.Kill(process.Id);
        }

        var pipesHeld = !await FinishReadingAsync(reading, stopReading).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var standardError = stderr.ToCapturedOutput();
        return new ProcessOutcome(
            timedOut ? null : process.ExitCode,
            timedOut,
            stdout.ToCapturedOutput(),
            pipesHeld ? standardError with { Tail = standardError.Tail + PipesHeldNote } : standardError,
            stopwatch.Elapsed);
    }

    /// <summary>Added to the captured stderr when reading had to stop: the child's output may be incomplete.</summary>
    public const string PipesHeldNote = "\n[grader: a process the run left behind kept its output open; reading stopped 5 s after it ended]\n";

    // The child is gone; a process it left behind outside its process group (setsid) may still hold the pipes. True
    // when both reached their end, false when reading gave up on them after a grace period (and stopped).
    private static async Task<bool> FinishReadingAsync(Task reading, CancellationTokenSource stopReading)
    {
        try
        {
            await reading.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            await stopReading.CancelAsync().ConfigureAwait(false);
            try
            {
                await reading.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or TimeoutException or IOException)
            {
                // Reading stopped, or will: what was captured so far is what the report gets.
            }

            return false;
        }
    }

    /// <summary>How the runner starts <paramref name="request"/>: its own session when asked, its whole environment, every stream redirected.</summary>
    public static ProcessStartInfo CreateStartInfo(ProcessRequest request)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = request.OwnProcessGroup ? "setsid" : request.FileName,
            WorkingDirectory = request.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (request.OwnProcessGroup)
        {
            startInfo.ArgumentList.Add(request.FileName);
        }

        foreach (var argument in request.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in request.Environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    // The conversation ends when the child's stdout does, or when the run times out (the child is then killed); the
    // child's stdin closes with it, so a child still waiting for an answer reads the end of its input.
    private static async Task TalkAsync(IChildConversation conversation, Process process, CancellationToken cancellationToken)
    {
        try
        {
            await conversation.TalkAsync(process.StandardOutput.BaseStream, process.StandardInput.BaseStream, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Timed out, or the child went away mid-sentence: the conversation keeps what it heard so far.
        }
        finally
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The child is gone already.
            }
        }
    }

    private static async Task WriteInputAsync(Process process, string? input)
    {
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited before reading its input; its exit code tells the story.
        }
    }

    private static void Kill(Process process, bool group)
    {
        if (group)
        {
            ProcessGroups.Kill(process.Id);
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
