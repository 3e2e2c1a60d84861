using System.Collections.Immutable;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Core.Results;
using Grader.Core.Submissions;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Engine;

/// <summary>A task check may wait for a project check: project checks run first, and their verdict gates the task's.</summary>
public sealed class ProjectPrerequisiteTests
{
    private static readonly AssignmentSpec Assignment = new(
        "test", "Test", "test", "/nowhere", "README.md", string.Empty, "3.7", 3,
        [new TaskSpec(0, "a.txt", "A", [])],
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("T-PROJ-001", 1.0), KeyValuePair.Create("T-TASK-001", 2.0)]));

    [Theory]
    [InlineData(CheckStatus.Failed, CheckStatus.Skipped)]
    [InlineData(CheckStatus.Timeout, CheckStatus.Skipped)]
    [InlineData(CheckStatus.Passed, CheckStatus.Passed)]
    public async Task A_task_check_runs_only_when_the_project_check_it_names_passed(CheckStatus project, CheckStatus expected)
    {
        var catalog = new CheckCatalog([new FixedProjectCheck(project), new TaskCheckAfterProject()]);
        var engine = new GradingEngine(catalog, new NoEvidence(), "test");

        var result = await engine.GradeAsync(
            Assignment, new Submission("/nowhere/s", ImmutableSortedDictionary<string, SubmissionFile>.Empty), GradingOptions.Default, CancellationToken.None);

        var task = Assert.Single(result.Tasks[0].Checks);
        Assert.Equal(expected, task.Status);
        if (expected == CheckStatus.Skipped)
        {
            Assert.Equal("Not checked until T-PROJ-001 passes.", task.Message);
        }
    }

    [Fact]
    public void A_project_check_cannot_wait_for_a_task_check()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new CheckCatalog([new FixedProjectCheck(CheckStatus.Passed), new TaskCheckAfterProject(), new ProjectCheckAfterTask()]));

        Assert.Contains("T-PROJ-002 is a project check", exception.Message, StringComparison.Ordinal);
    }

    private static CheckDescriptor Descriptor(string id, CheckScope scope, params string[] prerequisites) =>
        new(id, id, Category.Files, scope, "what", "why", "how", "bad", "good", [.. prerequisites]);

    private sealed class FixedProjectCheck(CheckStatus status) : IProjectCheck
    {
        public CheckDescriptor Descriptor { get; } = Descriptor("T-PROJ-001", CheckScope.Project);

        public CheckOutcome Evaluate(ProjectCheckContext context) =>
            new(status, "fixed", [], ImmutableSortedDictionary<string, string>.Empty);
    }

    private sealed class TaskCheckAfterProject : ITaskCheck
    {
        public CheckDescriptor Descriptor { get; } = Descriptor("T-TASK-001", CheckScope.Task, "T-PROJ-001");

        public CheckOutcome Evaluate(TaskCheckContext context) => CheckOutcome.Pass("ran");
    }

    private sealed class ProjectCheckAfterTask : IProjectCheck
    {
        public CheckDescriptor Descriptor { get; } = Descriptor("T-PROJ-002", CheckScope.Project, "T-TASK-001");

        public CheckOutcome Evaluate(ProjectCheckContext context) => CheckOutcome.Pass("ran");
    }

    private sealed class NoEvidence : IEvidenceCollector
    {
        public Task<SubmissionEvidence> CollectAsync(EvidenceRequest request, CancellationToken cancellationToken) => Task.FromResult(TestEvidence.Empty());

        public ImmutableSortedDictionary<string, string> DescribeTools(SubmissionEvidence evidence) => ImmutableSortedDictionary<string, string>.Empty;

        public ImmutableSortedDictionary<string, string> DescribeSettings(GradingOptions options) => ImmutableSortedDictionary<string, string>.Empty;
    }
}
