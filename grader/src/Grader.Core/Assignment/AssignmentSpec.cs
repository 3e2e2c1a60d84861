using System.Collections.Immutable;

namespace Grader.Core.Assignment;

/// <summary>
/// The rules of one assignment, read from <c>checks/&lt;assignment&gt;/assignment.json</c>: which files, which
/// functions, how many points each check is worth. The engine knows assignments only through this record.
/// </summary>
public sealed record AssignmentSpec(
    string Id,
    string Title,
    string Track,
    string Directory,
    string Readme,
    string Shebang,
    string TargetVersion,
    int MinDocstringWords,
    ImmutableArray<TaskSpec> Tasks,
    ImmutableSortedDictionary<string, double> Points)
{
    /// <summary>Checks whose verdicts student-facing reports leave out (their points still count).</summary>
    public ImmutableSortedSet<string> HiddenChecks { get; init; } = [];

    /// <summary>
    /// The words the assignment speaks in (delay, coroutine, concurrent, ...), lower case: a docstring that shares
    /// none of them, nor a word with the code it documents, says nothing about that code.
    /// </summary>
    public ImmutableSortedSet<string> Vocabulary { get; init; } = [];

    /// <summary>The points a check is worth, 0 when the assignment does not grade it.</summary>
    public double PointsFor(string checkId) => Points.GetValueOrDefault(checkId);

    public bool IsHidden(string checkId) => HiddenChecks.Contains(checkId);
}

/// <summary>One numbered task: its file, the functions it must define, and the tasks whose modules it imports.</summary>
public sealed record TaskSpec(int Number, string File, string Title, ImmutableArray<FunctionSpec> Functions)
{
    /// <summary>Every task whose module this task's code imports, directly or not.</summary>
    public ImmutableArray<int> DependsOn { get; init; } = [];
}

/// <summary>A function a task must define at module level.</summary>
public sealed record FunctionSpec(string Name, FunctionKind Kind, ImmutableArray<ParameterSpec> Parameters)
{
    /// <summary>The required return type as the track's language writes it (C#: <c>Task&lt;double&gt;</c>), when the assignment names one.</summary>
    public string? Returns { get; init; }

    /// <summary>How the signature reads in Python, for messages: <c>async def wait_random(max_delay=10)</c>.</summary>
    public string Signature => $"{(Kind == FunctionKind.Coroutine ? "async def" : "def")} {Name}({string.Join(", ", Parameters.Select(p => p.Display))})";
}

/// <summary>A required parameter; <see cref="DefaultJson"/> is the JSON text of its required default, if any.</summary>
public sealed record ParameterSpec(string Name, string? DefaultJson)
{
    public string Display => DefaultJson is null ? Name : $"{Name}={DefaultJson}";
}

/// <summary>Whether a function is a plain <c>def</c> or an <c>async def</c>.</summary>
public enum FunctionKind
{
    Function,
    Coroutine,
}
