using System.Collections.Immutable;
using Grader.Core.Results;

namespace Grader.Core.Checks;

/// <summary>Where a check runs: once per task file, or once for the whole project.</summary>
public enum CheckScope
{
    Task,
    Project,
}

/// <summary>
/// Everything a reader needs to know about a check. The same descriptor feeds reports, the generated docs
/// (docs/checks/ID.md) and <c>grader explain ID</c>.
/// </summary>
/// <param name="Id">Stable id: track, category, number (PY-DOC-001). Never reused or renumbered.</param>
/// <param name="Prerequisites">
/// Ids of checks that must pass first; otherwise this one is skipped. A task check may name task checks of the same task
/// and project checks (which all run before any task); a project check may name project checks only.
/// </param>
public sealed record CheckDescriptor(
    string Id,
    string Title,
    Category Category,
    CheckScope Scope,
    string WhatItChecks,
    string WhyItMatters,
    string HowToFix,
    string BadExample,
    string GoodExample,
    ImmutableArray<string> Prerequisites)
{
    /// <summary>The task numbers a task check applies to; empty means every task.</summary>
    public ImmutableArray<int> Tasks { get; init; } = [];

    /// <summary>
    /// Ids of checks that must also have passed in every task this task depends on (its imports), for checks that
    /// run the code: a task cannot be run when a module it imports cannot be.
    /// </summary>
    public ImmutableArray<string> DependencyPrerequisites { get; init; } = [];

    public bool AppliesTo(int task) => Tasks.IsEmpty || Tasks.Contains(task);
}
