using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Grader.Checks.CSharpAsync;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Submissions;
using Grader.CSharp.Checks;
using Grader.CSharp.Tests.Support;

namespace Grader.CSharp.Tests.Checks;

public sealed partial class CatalogTests
{
    private static readonly CheckCatalog Catalog = CSharpAsyncChecks.Catalog();

    [Fact]
    public void Every_check_class_is_in_the_catalog_exactly_once()
    {
        var classes = new[] { typeof(CSharpStaticChecks).Assembly, typeof(CSharpAsyncChecks).Assembly }
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
    public void Ids_are_unique_and_well_formed_and_every_section_is_written()
    {
        var ids = Catalog.Checks.Select(check => check.Descriptor.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(IdPattern(), id));
        Assert.All(Catalog.Checks.Select(check => check.Descriptor), descriptor =>
        {
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
        var assignment = AssignmentLoader.Load(RepositoryPaths.Assignment);

        Assert.Equal("csharp", assignment.Track);
        Assert.All(Catalog.Checks, check => Assert.True(assignment.PointsFor(check.Descriptor.Id) > 0, check.Descriptor.Id));
        Assert.All(assignment.Points.Keys, id => Assert.NotNull(Catalog.Find(id)));
    }

    [Fact]
    public void Every_check_runs_without_throwing_on_an_empty_submission()
    {
        var assignment = AssignmentLoader.Load(RepositoryPaths.Assignment);
        var submission = new Submission("/nowhere/empty", ImmutableSortedDictionary<string, SubmissionFile>.Empty);
        var evidence = TestEvidence.With(ImmutableSortedDictionary<string, object>.Empty);

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
    }

    [GeneratedRegex("^CS-(FILE|CONV|SYN|COMPAT|STYLE|DOC|API|BEH)-[0-9]{3}$")]
    private static partial Regex IdPattern();
}
