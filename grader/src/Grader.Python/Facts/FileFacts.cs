using System.Collections.Immutable;
using System.Text.Json;

namespace Grader.Python.Facts;

// These records mirror the JSON that checks/<assignment>/analysis/analyze.py prints (see its README.md).
// Lines and columns are 1-based.

/// <summary>The analysis script's answer for a whole submission.</summary>
public sealed record AnalysisResponse
{
    public string Python { get; init; } = "";
    public ImmutableSortedDictionary<string, FileFacts> Files { get; init; } = ImmutableSortedDictionary<string, FileFacts>.Empty;
}

/// <summary>What Python's own parser says about one file.</summary>
public sealed record FileFacts
{
    public PythonSyntaxError? SyntaxError { get; init; }
    public PythonSyntaxError? Compat37Error { get; init; }
    public ImmutableArray<CompatApiUse> CompatApi { get; init; } = [];
    public ModuleDocstring? ModuleDoc { get; init; }
    public ImmutableArray<Definition> Defs { get; init; } = [];
    public string? FactsError { get; init; }
}

public sealed record PythonSyntaxError(int? Line, int? Column, string Message, string? Text, string? Since);

public sealed record CompatApiUse(int Line, int Column, string Name, string Since, string Detail);

public sealed record ModuleDocstring(string Text, int Line);

/// <summary>A def, async def or class, at any depth.</summary>
public sealed record Definition
{
    public string Kind { get; init; } = "function";
    public string Name { get; init; } = "";
    public string Qualname { get; init; } = "";
    public int Line { get; init; }
    public int Column { get; init; }
    public int Depth { get; init; }
    public bool InClass { get; init; }
    public string? Docstring { get; init; }
    public ImmutableArray<Parameter> Params { get; init; } = [];
    public bool ReturnsAnnotated { get; init; } = true;
    public ImmutableArray<string> Decorators { get; init; } = [];
    public ImmutableArray<CodeEvidence> Sorting { get; init; } = [];
    public ImmutableArray<CodeEvidence> BlockingCalls { get; init; } = [];

    /// <summary>The names and attributes its code uses (sorted, at most 200): what a docstring may speak of.</summary>
    public ImmutableArray<string> Names { get; init; } = [];

    public bool IsClass => Kind == "class";

    public bool IsCoroutine => Kind == "coroutine";

    /// <summary>How a student would name it: "coroutine wait_n", "method Clock.tick", "class Clock".</summary>
    public string Describe() => Kind switch
    {
        "class" => $"class {Qualname}",
        _ when InClass => $"method {Qualname}",
        "coroutine" => $"coroutine {Qualname}",
        _ => $"function {Qualname}",
    };
}

public sealed record Parameter(string Name, string Kind, bool Annotated, int Line, int Column, ParameterDefault? Default);

/// <summary>A parameter's default: its literal value as JSON when it has one, else its source text.</summary>
public sealed record ParameterDefault(JsonElement? Literal, string? Source);

/// <summary>A located piece of code that supports a verdict (a sort call, a time.sleep call).</summary>
public sealed record CodeEvidence
{
    public int Line { get; init; }
    public int Column { get; init; }
    public string? What { get; init; }
    public string? Name { get; init; }
}
