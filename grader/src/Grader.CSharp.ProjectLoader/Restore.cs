using System.Collections.Immutable;
using System.Diagnostics;

namespace Grader.CSharp.ProjectLoader;

/// <summary>
/// Runs <c>dotnet restore</c> on the project as a child of the loader, so it shares the loader's sandbox (process
/// group, environment, HOME). MSBuild prints errors as "file : error CODE: text [project]"; those lines are kept.
/// </summary>
internal static class Restore
{
    // The student's targets can print without end: only this many error lines are kept, the rest is drained.
    private const int MaxErrorLines = 20;

    public static async Task<(int ExitCode, ImmutableArray<string> ErrorLines)> RunAsync(string dotnet, string project, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No node reuse and no build servers: nothing may outlive the loader's sandbox.
        foreach (var argument in new[] { "restore", project, "-nologo", "-tl:off", "-v:m", "-nodeReuse:false", "--disable-build-servers" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{dotnet} restore did not start.");
        var errors = ImmutableArray.CreateBuilder<string>();
        var reading = Task.WhenAll(Collect(process.StandardOutput, errors), Collect(process.StandardError, errors));
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await reading.ConfigureAwait(false);
        return (process.ExitCode, errors.ToImmutable());
    }

    private static async Task Collect(StreamReader reader, ImmutableArray<string>.Builder errors)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.Contains(": error ", StringComparison.Ordinal))
            {
                lock (errors)
                {
                    if (errors.Count < MaxErrorLines && !errors.Contains(line))
                    {
                        errors.Add(line);
                    }
                }
            }
        }
    }
}
