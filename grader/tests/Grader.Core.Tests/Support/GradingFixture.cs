using System.Collections;
using System.Collections.Immutable;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Checks.PythonAsync;
using Grader.Core.Python.Behaviour;
using Grader.Core.Python.Tools;
using Grader.Core.Results;
using Grader.Core.Submissions;

namespace Grader.Core.Tests.Support;

/// <summary>
/// The real engine with the real tools (Python, pycodestyle), located once for the whole test run.
/// </summary>
public sealed class GradingFixture
{
    public GradingFixture()
    {
        Assignment = AssignmentLoader.Load(RepositoryPaths.Assignment);
        Runner = new ProcessRunner();
        Catalog = PythonAsyncChecks.Catalog();
        Environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value);
        Tools = new ToolLocator(Runner, Environment).LocateAsync(null, Version.Parse(Assignment.TargetPython), CancellationToken.None).GetAwaiter().GetResult();
        if (Tools.Pycodestyle is null || Tools.Analysis is null)
        {
            throw new InvalidOperationException($"The grading tests need python3 and pycodestyle: {ToolEnvironment.PycodestyleInstallHint}.");
        }
    }

    public AssignmentSpec Assignment { get; }

    public IProcessRunner Runner { get; }

    public CheckCatalog Catalog { get; }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    public ToolEnvironment Tools { get; }

    public Task<GradingResult> GradeAsync(string folder, GradingOptions? options = null, ToolEnvironment? tools = null) =>
        new GradingEngine(Catalog, new EvidenceCollector(Runner, [new ProbeEvidenceSource(new ProbeRunner(Runner), System.Environment.ProcessorCount)]), "test")
            .GradeAsync(Assignment, SubmissionLoader.Load(folder), tools ?? Tools, options ?? GradingOptions.Default, CancellationToken.None);

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
