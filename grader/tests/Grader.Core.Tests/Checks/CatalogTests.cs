using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Grader.Checks.PythonAsync;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Results;
using Grader.Core.Submissions;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Checks;

public sealed partial class CatalogTests
{
    private static readonly CheckCatalog Catalog = PythonAsyncChecks.Catalog();

    [Fact]
    public void Every_check_class_is_in_the_catalog_exactly_once()
    {
        var classes = new[] { typeof(ICheck).Assembly, typeof(PythonAsyncChecks).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => typeof(ICheck).IsAssignableFrom(type) && type is { IsInterface: false, IsAbstract: false })
            .ToList();

        Assert.NotEmpty(classes);
        foreach (var type in classes)
        {
            Assert.True(type.IsSealed, $"{type.Name} should be sealed");
            Assert.Single(Catalog.Checks, check => check.GetType() == type);
        }
    }

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        var ids = Catalog.Checks.Select(check => check.Descriptor.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(IdPattern(), id));
    }

    [Fact]
    public void Every_descriptor_section_is_written()
    {
        Assert.All(Catalog.Checks.Select(check => check.Descriptor), descriptor =>
        {
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title), descriptor.Id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.WhatItChecks), descriptor.Id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.WhyItMatters), descriptor.Id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.HowToFix), descriptor.Id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.BadExample), descriptor.Id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.GoodExample), descriptor.Id);
        });
    }

    [Fact]
    public void Every_check_is_worth_points_in_the_assignment()
    {
        var assignment = Assignment.AssignmentLoader.Load(RepositoryPaths.Assignment);

        Assert.All(Catalog.Checks, check => Assert.True(assignment.PointsFor(check.Descriptor.Id) > 0, check.Descriptor.Id));
        Assert.All(assignment.Points.Keys, id => Assert.NotNull(Catalog.Find(id)));
    }

    [Fact]
    public void Every_check_runs_without_throwing_on_an_empty_submission()
    {
        var assignment = Assignment.AssignmentLoader.Load(RepositoryPaths.Assignment);
        var submission = new Submission("/nowhere/empty", ImmutableSortedDictionary<string, SubmissionFile>.Empty);
        var evidence = TestEvidence.Empty();
        var emptyFile = new SubmissionFile(assignment.Tasks[0].File, [], false);

        foreach (var check in Catalog.Checks)
        {
            var outcome = check switch
            {
                IProjectCheck project => project.Evaluate(new ProjectCheckContext(assignment, submission, evidence, GradingOptions.Default)),
                ITaskCheck task => task.Evaluate(new TaskCheckContext(assignment, assignment.Tasks[0], submission, null, evidence, GradingOptions.Default)),
                _ => throw new InvalidOperationException(),
            };
            Assert.False(string.IsNullOrWhiteSpace(outcome.Message), check.Descriptor.Id);
        }

        // A task file that exists but is empty must not crash the checks that read bytes.
        foreach (var check in Catalog.TaskChecks.Where(check => check.Descriptor.Category is Category.Files))
        {
            check.Evaluate(new TaskCheckContext(assignment, assignment.Tasks[0], submission, emptyFile, evidence, GradingOptions.Default));
        }
    }

    [Fact]
    public void Prerequisites_come_before_the_checks_that_need_them()
    {
        var catalog = PythonAsyncChecks.Catalog();

        Assert.Throws<InvalidOperationException>(() => new CheckCatalog(catalog.Checks.Reverse()));
    }

    [GeneratedRegex("^PY-(FILE|CONV|SYN|COMPAT|STYLE|DOC|ANN|API|BEH)-[0-9]{3}$")]
    private static partial Regex IdPattern();
}
