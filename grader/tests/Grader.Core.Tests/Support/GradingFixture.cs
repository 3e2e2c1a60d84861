using System.Collections;
using System.Collections.Immutable;
using Grader.Checks.PythonAsync;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Processes;
using Grader.Core.Results;
using Grader.Core.Submissions;
using Grader.Python.Behaviour;
using Grader.Python.Evidence;
using Grader.Python.Tools;
using Grader.Python.Warm;

namespace Grader.Core.Tests.Support;

/// <summary>
/// The real engine with the real tools (Python, pycodestyle), located once for the whole test run. The grader's
/// Python scripts run forked from warm interpreters, as in the CLI.
/// </summary>
public sealed class GradingFixture : IAsyncLifetime
{
    public GradingFixture()
    {
        Assignment = AssignmentLoader.Load(RepositoryPaths.Assignment);
        Runner = new WarmPythonRunner(DirectRunner);
        Catalog = PythonAsyncChecks.Catalog();
        Environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value);
        // The grader's tool folder lives in a cache of the test run's own, not the user's.
        var locatorEnvironment = new Dictionary<string, string?>(Environment) { ["XDG_CACHE_HOME"] = CacheHome };
        Tools = new ToolLocator(Runner, locatorEnvironment).LocateAsync(null, Version.Parse(Assignment.TargetVersion), CancellationToken.None).GetAwaiter().GetResult();
        if (Tools.Pycodestyle is null || Tools.Analysis is null)
        {
            throw new InvalidOperationException($"The grading tests need python3 and pycodestyle: {ToolEnvironment.PycodestyleInstallHint}.");
        }
    }

    public AssignmentSpec Assignment { get; }

    public string CacheHome { get; } = Directory.CreateTempSubdirectory("grader-test-cache-").FullName;

    public IProcessRunner Runner { get; }

    /// <summary>Fresh processes for everything: what the warm runner falls back to.</summary>
    public IProcessRunner DirectRunner { get; } = new ProcessRunner();

    public CheckCatalog Catalog { get; }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    public ToolEnvironment Tools { get; }

    /// <param name="tasksTogether">Let the tasks share one probe process, as the CLI does; false runs each alone.</param>
    public Task<GradingResult> GradeAsync(string folder, GradingOptions? options = null, ToolEnvironment? tools = null, IProcessRunner? runner = null, bool tasksTogether = true)
    {
        var processes = runner ?? Runner;
        return new GradingEngine(Catalog, Collector(processes, tools ?? Tools, tasksTogether), "test")
            .GradeAsync(Assignment, SubmissionLoader.Load(folder), options ?? GradingOptions.Default, CancellationToken.None);
    }

    /// <summary>The Python track's collector with the real probe, as the CLI composes it.</summary>
    public PythonEvidenceCollector Collector(IProcessRunner processes, ToolEnvironment tools, bool tasksTogether = true, int parallelism = 0) =>
        new(processes, tools, [new ProbeEvidenceSource(new ProbeRunner(processes), parallelism > 0 ? parallelism : System.Environment.ProcessorCount, tasksTogether)]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await ((WarmPythonRunner)Runner).DisposeAsync();
        Directory.Delete(CacheHome, recursive: true);
    }

    /// <summary>The checks that did not pass and were not skipped, as "task:ID" or "project:ID".</summary>
    public static ImmutableSortedSet<string> Problems(GradingResult result) =>
        result.Project.Where(IsProblem).Select(check => $"project:{check.Id}")
            .Concat(result.Tasks.SelectMany(task => task.Checks.Where(IsProblem).Select(check => $"{task.Task}:{check.Id}")))
            .ToImmutableSortedSet(StringComparer.Ordinal);

    /// <summary>As <see cref="Problems"/>, with each check's status: "task:ID=status".</summary>
    public static ImmutableSortedSet<string> ProblemsWithStatus(GradingResult result) =>
        result.Project.Where(IsProblem).Select(check => $"project:{check.Id}={Status(check)}")
            .Concat(result.Tasks.SelectMany(task => task.Checks.Where(IsProblem).Select(check => $"{task.Task}:{check.Id}={Status(check)}")))
            .ToImmutableSortedSet(StringComparer.Ordinal);

    private static string Status(CheckResult check) => check.Status.ToString().ToLowerInvariant();

    private static bool IsProblem(CheckResult check) => check.Status is not (CheckStatus.Passed or CheckStatus.Skipped);
}

[CollectionDefinition(Name)]
public sealed class GradingCollection : ICollectionFixture<GradingFixture>
{
    public const string Name = "grading";
}
