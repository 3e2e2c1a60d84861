using System.Collections.Immutable;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Evidence;
using Grader.Core.Results;
using Grader.Core.Submissions;

namespace Grader.Core.Engine;

/// <summary>
/// Grades one submission, whatever its language: gathers evidence with the track's collector, runs every check of the catalog in order
/// (skipping those whose prerequisite did not pass), scores the outcomes and assembles the result model.
/// </summary>
public sealed class GradingEngine(CheckCatalog catalog, IEvidenceCollector collector, string graderVersion)
{
    public async Task<GradingResult> GradeAsync(
        AssignmentSpec assignment, Submission submission, GradingOptions options, CancellationToken cancellationToken)
    {
        using var scratch = ScratchSpace.Create();
        var evidence = await collector.CollectAsync(new EvidenceRequest(assignment, submission, options, scratch), cancellationToken)
            .ConfigureAwait(false);

        var project = RunInOrder(
            catalog.ProjectChecks,
            check => check.Evaluate(new ProjectCheckContext(assignment, submission, evidence, options)),
            assignment,
            file: null,
            earlier: new Dictionary<string, CheckStatus>(StringComparer.Ordinal));
        // A task check may wait for a project check (the project must load before a file can compile): project checks run first.
        var projectStatuses = project.ToDictionary(check => check.Id, check => check.Status, StringComparer.Ordinal);
        // Every task is graded, so that a task's dependencies are known even when --task leaves them out of the report.
        var graded = new Dictionary<int, TaskResult>();
        foreach (var task in assignment.Tasks)
        {
            graded[task.Number] = GradeTask(assignment, task, submission, evidence, options, graded, projectStatuses);
        }

        var tasks = assignment.Tasks.Where(task => options.Includes(task.Number)).Select(task => graded[task.Number]).ToImmutableArray();

        return new GradingResult(
            GradingResult.SchemaId,
            submission.Name,
            assignment.Track,
            graderVersion,
            tasks.Sum(task => task.Score) + project.Sum(check => check.Points),
            tasks.Sum(task => task.MaxScore) + project.Sum(check => check.MaxPoints),
            collector.DescribeTools(evidence),
            // Whether student code ran in a sandbox belongs with what a run needs to be judged: a report says so.
            collector.DescribeSettings(options).SetItem("sandbox", options.Sandbox.Isolation.Description),
            tasks,
            project);
    }

    private TaskResult GradeTask(
        AssignmentSpec assignment,
        TaskSpec task,
        Submission submission,
        SubmissionEvidence evidence,
        GradingOptions options,
        IReadOnlyDictionary<int, TaskResult> graded,
        IReadOnlyDictionary<string, CheckStatus> projectStatuses)
    {
        var file = submission.Find(task.File);
        var checks = RunInOrder(
            catalog.TaskChecks.Where(check => check.Descriptor.AppliesTo(task.Number)),
            check => check.Evaluate(new TaskCheckContext(assignment, task, submission, file, evidence, options)),
            assignment,
            task.File,
            projectStatuses,
            descriptor => BlockingDependency(descriptor, task, graded));
        return new TaskResult(task.Number, task.File, checks.Sum(check => check.Points), checks.Sum(check => check.MaxPoints), checks);
    }

    // The first dependency task in which one of the descriptor's dependency prerequisites did not pass.
    private static string? BlockingDependency(CheckDescriptor descriptor, TaskSpec task, IReadOnlyDictionary<int, TaskResult> graded)
    {
        foreach (var dependency in task.DependsOn.Order())
        {
            if (!graded.TryGetValue(dependency, out var result))
            {
                continue;
            }

            var failed = descriptor.DependencyPrerequisites.FirstOrDefault(id =>
                result.Checks.FirstOrDefault(check => check.Id == id)?.Status is not (null or CheckStatus.Passed));
            if (failed is not null)
            {
                return $"Not checked until {failed} passes for {result.File} (task {dependency}), whose code this task imports.";
            }
        }

        return null;
    }

    // earlier: the statuses of checks that ran before these (the project's, for task checks), which prerequisites may name.
    private static ImmutableArray<CheckResult> RunInOrder<TCheck>(
        IEnumerable<TCheck> checks,
        Func<TCheck, CheckOutcome> evaluate,
        AssignmentSpec assignment,
        string? file,
        IReadOnlyDictionary<string, CheckStatus> earlier,
        Func<CheckDescriptor, string?>? external = null)
        where TCheck : ICheck
    {
        var statuses = new Dictionary<string, CheckStatus>(earlier, StringComparer.Ordinal);
        var results = ImmutableArray.CreateBuilder<CheckResult>();
        foreach (var check in checks)
        {
            var descriptor = check.Descriptor;
            var blocker = descriptor.Prerequisites.FirstOrDefault(id => statuses.GetValueOrDefault(id) != CheckStatus.Passed);
            var reason = blocker is null ? external?.Invoke(descriptor) : $"Not checked until {blocker} passes.";
            var outcome = reason is null
                ? EvaluateSafely(check, evaluate)
                : CheckOutcome.Skipped(reason, SkipKind.PrerequisiteFailed);
            statuses[descriptor.Id] = outcome.Status;
            results.Add(Scorer.Score(descriptor, outcome, assignment, file));
        }

        return results.ToImmutable();
    }

    // A check that throws is a bug in the grader, not the student's fault: it is recorded as error and the
    // rest of the grading goes on.
    private static CheckOutcome EvaluateSafely<TCheck>(TCheck check, Func<TCheck, CheckOutcome> evaluate)
        where TCheck : ICheck
    {
        try
        {
            return evaluate(check);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return CheckOutcome.Error($"The grader failed while running this check ({exception.GetType().Name}: {exception.Message}); please report it.");
        }
    }
}
