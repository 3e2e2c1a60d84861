using Grader.Core.Engine;

namespace Grader.Cli;

/// <summary>
/// The CLI's standard streams and its one top-level catch: setup problems become one line on stderr and exit
/// code 2, never a stack trace.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool colorEnabled)
{
    public TextWriter Out => output;

    public TextWriter Error => error;

    public bool ColorEnabled => colorEnabled;

    /// <summary>Colour when stdout is a terminal and NO_COLOR is not set (https://no-color.org).</summary>
    public static CliConsole FromProcess(IReadOnlyDictionary<string, string?> environment) => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected && string.IsNullOrEmpty(environment.GetValueOrDefault("NO_COLOR")) && environment.GetValueOrDefault("TERM") != "dumb");

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
