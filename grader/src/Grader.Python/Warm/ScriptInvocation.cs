using System.Collections.Immutable;
using Grader.Core.Processes;

namespace Grader.Python.Warm;

/// <summary>
/// A process request of the shape <c>python [-flags] /abs/script.py [args]</c>: the only shape a fork server runs.
/// <see cref="ServerKey"/> names the interpreter start-up it needs: the same interpreter, flags and start-up
/// environment (everything but HOME and TMPDIR, which each child sets for itself), and whether it runs
/// <see cref="Inline"/>: inside the server, for a script that never runs student code, rather than in a fork.
/// </summary>
internal sealed record ScriptInvocation(string Interpreter, ImmutableArray<string> Flags, string Script, ImmutableArray<string> Arguments, bool Inline, string ServerKey)
{
    // Flags that only shape start-up; a child forked from a server started with them behaves as if started with them.
    private static readonly ImmutableHashSet<char> StartupFlags = ['B', 'E', 'I', 's', 'S'];

    /// <summary>Variables a child sets for itself after the fork; every other one is fixed when the server starts.</summary>
    private static readonly ImmutableHashSet<string> PerChildVariables = ["HOME", "TMPDIR"];

    public static ScriptInvocation? TryParse(ProcessRequest request)
    {
        if (!Path.GetFileName(request.FileName).StartsWith("python", StringComparison.Ordinal) || !Path.IsPathRooted(request.FileName))
        {
            return null;
        }

        if (request.Conversation is not null)
        {
            return null; // A forked child cannot be handed the grader's end of a private pipe.
        }

        var flags = request.Arguments.TakeWhile(argument => argument.StartsWith('-')).ToImmutableArray();
        if (!flags.All(flag => flag.Length > 1 && flag.Skip(1).All(StartupFlags.Contains)) || flags.Length == request.Arguments.Length)
        {
            return null; // -c, -m, -X and the like, or no script at all.
        }

        var script = request.Arguments[flags.Length];
        if (!Path.IsPathRooted(script) || !script.EndsWith(".py", StringComparison.Ordinal) || !File.Exists(script))
        {
            return null;
        }

        var startupEnvironment = request.Environment.Where(variable => !PerChildVariables.Contains(variable.Key))
            .Select(variable => $"{variable.Key}={variable.Value}");
        var inline = request.RunsNoSubmissionCode;
        var key = string.Join('\0', [inline ? "inline" : "fork", request.FileName, .. flags, "", .. startupEnvironment]);
        return new ScriptInvocation(request.FileName, flags, script, request.Arguments[(flags.Length + 1)..], inline, key);
    }
}
