using System.Collections.Immutable;
using Grader.Core.Processes;
using Grader.Python.Tools;
using Grader.Python.Warm;

namespace Grader.Core.Tests.Python.Warm;

/// <summary>
/// A warm runner over a counting fresh-process runner, and throwaway scripts to run on both: what the warm
/// runner's tests compare.
/// </summary>
public abstract class WarmRunnerTestBase : IAsyncLifetime
{
    protected WarmRunnerTestBase()
    {
        Counting = new CountingRunner(Direct);
        Warm = new WarmPythonRunner(Counting);
    }

    protected string Folder { get; } = Directory.CreateTempSubdirectory("grader-warm-test-").FullName;

    protected ProcessRunner Direct { get; } = new();

    protected CountingRunner Counting { get; }

    protected WarmPythonRunner Warm { get; }

    /// <summary>Gives a plain script request the shape the test class is about.</summary>
    protected abstract ProcessRequest Shape(ProcessRequest request);

    protected static string Describe(ProcessOutcome outcome) =>
        $"exit={outcome.ExitCode} timedOut={outcome.TimedOut}\nout={outcome.StandardOutput}\nerr={outcome.StandardError}";

    protected ProcessRequest Script(string source, string? input = null, string[]? arguments = null)
    {
        var script = Path.Combine(Folder, $"script-{Guid.NewGuid():N}.py");
        File.WriteAllText(script, source.Replace("\r\n", "\n", StringComparison.Ordinal));
        var work = Directory.CreateDirectory(Path.Combine(Folder, "work")).FullName;
        return Shape(new ProcessRequest(
            "/usr/bin/python3",
            ["-B", "-s", script, .. arguments ?? []],
            work,
            PythonChildEnvironment.For(Folder, null),
            input,
            TimeSpan.FromSeconds(30)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Warm.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Counts the requests that reached the fresh-process runner, per program.</summary>
    protected sealed class CountingRunner(IProcessRunner inner) : IProcessRunner
    {
        private ImmutableDictionary<string, int> counts = ImmutableDictionary<string, int>.Empty;

        public int Count(string fileName) => counts.GetValueOrDefault(fileName);

        public Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
        {
            ImmutableInterlocked.AddOrUpdate(ref counts, request.FileName, 1, (_, count) => count + 1);
            return inner.RunAsync(request, cancellationToken);
        }
    }
}
