using Grader.Core.Checks;
using Grader.Core.Results;
using Microsoft.CodeAnalysis;

namespace Grader.CSharp.Checks.Syntax;

/// <summary>CS-SYN-001: the C# compiler reports no error in the file.</summary>
internal sealed class CompilerErrors : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "CS-SYN-001",
        "File compiles",
        Category.Syntax,
        CheckScope.Task,
        "Roslyn, compiling the whole project as dotnet build would (net10.0, implicit usings, nullable, C# 14), reports no error located in this file.",
        "Code that does not compile cannot run: every test of the task fails, and so does every task that uses it.",
        "Read the compiler's message and the line below, fix the code there, and run dotnet build.",
        "public static async Task<double> WaitRandom(int maxDelay = 10)\\n{\\n    await Task.Delay(delay)   // missing ';', 'delay' undefined",
        "public static async Task<double> WaitRandom(int maxDelay = 10)\\n{\\n    var delay = Random.Shared.NextDouble() * maxDelay;\\n    await Task.Delay(TimeSpan.FromSeconds(delay));",
        // A project whose references do not resolve cannot be compiled as it builds: one message (CS-FILE-006), not one per file.
        ["CS-FILE-002", "CS-FILE-006"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.OnTree((file, _, evidence) =>
    {
        var outcome = CompilerFindings.Judge(file.Path, evidence.DiagnosticsIn(file.Path).Where(d => d.Severity == DiagnosticSeverity.Error), "compiles without errors", "error");
        // A file saved in another encoding, or not text at all, gives a flood of "unexpected character" errors: say why first.
        return outcome.Status == CheckStatus.Failed && Utf8Text.FirstInvalidByte(file.Content.AsSpan()) is var (value, line)
            ? outcome with { Message = $"{file.Path} is not UTF-8 text (byte 0x{value:X2} on line {line} is not valid UTF-8): save it as UTF-8 C# source. {outcome.Message}" }
            : outcome;
    });
}
