using Grader.Cli.Progress;
using Grader.Core.Batch;
using Grader.Core.Engine;
using Spectre.Console;

namespace Grader.Cli;

/// <summary>
/// The CLI's standard streams and its one top-level catch: setup problems become one line on stderr and exit
/// code 2, never a stack trace.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool colorEnabled, IAnsiConsole? progressTerminal = null)
{
    public TextWriter Out => output;

    public TextWriter Error => error;

    public bool ColorEnabled => colorEnabled;

    /// <summary>
    /// Colour when stdout is a terminal and NO_COLOR is not set (https://no-color.org); a live batch progress bar when
    /// stderr is a terminal. TERM=dumb turns both off.
    /// </summary>
    public static CliConsole FromProcess(IReadOnlyDictionary<string, string?> environment)
    {
        var noColor = !string.IsNullOrEmpty(environment.GetValueOrDefault("NO_COLOR"));
        var dumb = environment.GetValueOrDefault("TERM") == "dumb";
        return new(Console.Out, Console.Error, !Console.IsOutputRedirected && !noColor && !dumb, Console.IsErrorRedirected || dumb ? null : ErrorTerminal(noColor));
    }

    /// <summary>
    /// Runs a batch with a live progress bar on stderr when it is a terminal, else with a progress line per tenth
    /// (CI logs, files, pipes).
    /// </summary>
    public Task<T> WithBatchProgressAsync<T>(BatchTally tally, Func<IBatchProgress, Task<T>> work) => progressTerminal is null
        ? work(new LineBatchProgress(error, tally))
        : BarBatchProgress.RunAsync(progressTerminal, tally, work);

    private static IAnsiConsole ErrorTerminal(bool noColor) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Interactive = InteractionSupport.Yes,
        ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
    });

    public async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (GraderSetupException exception)
        {
            await error.WriteLineAsync($"grader: {exception.Message}");
            return ExitCodes.CannotGrade;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("grader: interrupted.");
            return ExitCodes.Interrupted;
        }
    }
}
