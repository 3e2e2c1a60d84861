using System.Collections.Immutable;
using Grader.Checks.CSharpAsync;
using Grader.Core.Assignment;
using Grader.Core.Engine;
using Grader.Core.Processes;
using Grader.Core.Results;
using Grader.Core.Submissions;
using Grader.CSharp.Loading;

namespace Grader.CSharp.Tests.Support;

/// <summary>The real C# track (Roslyn, the SDK's references, the harness), built once and kept warm for the whole test run.</summary>
public sealed class CSharpGradingFixture
{
    public CSharpGradingFixture()
    {
        Assignment = AssignmentLoader.Load(RepositoryPaths.Assignment);
        Runner = new ProcessRunner();
        Track = new CSharpTrack(
            CSharpAsyncChecks.Catalog(),
            host => CSharpAsyncChecks.EvidenceSources(host, Runner, RepositoryPaths.Assignment),
            Runner,
            LoaderSettings,
            "test");
    }

    public AssignmentSpec Assignment { get; }

    /// <summary>The real loader settings: packages are cached where the grader caches them, so a rerun downloads nothing.</summary>
    public static ProjectLoaderSettings LoaderSettings { get; } = ProjectLoaderSettings.FromEnvironment(
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value));

    public IProcessRunner Runner { get; }

    public CSharpTrack Track { get; }

    public Task<GradingResult> GradeAsync(string folder, GradingOptions? options = null) =>
        Track.GradeAsync(Assignment, SubmissionLoader.Load(folder), options ?? GradingOptions.Default, CancellationToken.None);

    /// <summary>The checks that did not pass and were not skipped, as "task:ID=status" or "project:ID=status".</summary>
    public static ImmutableSortedSet<string> ProblemsWithStatus(GradingResult result) =>
        result.Project.Where(IsProblem).Select(check => $"project:{check.Id}={Status(check)}")
            .Concat(result.Tasks.SelectMany(task => task.Checks.Where(IsProblem).Select(check => $"{task.Task}:{check.Id}={Status(check)}")))
            .ToImmutableSortedSet(StringComparer.Ordinal);

    private static string Status(CheckResult check) => check.Status.ToString().ToLowerInvariant();

    private static bool IsProblem(CheckResult check) => check.Status is not (CheckStatus.Passed or CheckStatus.Skipped);
}

[CollectionDefinition(Name)]
public sealed class CSharpGradingCollection : ICollectionFixture<CSharpGradingFixture>
{
    public const string Name = "csharp grading";
}
