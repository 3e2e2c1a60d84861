using System.Collections.Immutable;
using Grader.Core.Results;

namespace Grader.Core.Tests.Support;

/// <summary>Fixed result models for reporter and contract tests.</summary>
public static class SampleResults
{
    public static GradingResult Mixed() => new(
        GradingResult.SchemaId,
        "alice [bold]",
        "python",
        "1.2.3",
        4,
        7,
        ImmutableSortedDictionary<string, string>.Empty.Add("pycodestyle", "pycodestyle 2.10.0, 2.5 profile").Add("python", "Python 3.7.16"),
        ImmutableSortedDictionary<string, string>.Empty.Add("clock", "virtual").Add("seed", "42"),
        [
            new TaskResult(0, "0-basic_async_syntax.py", 3, 6,
            [
                new CheckResult("PY-FILE-001", "Task file is present", Category.Files, CheckStatus.Passed, 1, 1, "0-basic_async_syntax.py is present.", "0-basic_async_syntax.py", null, null),
                new CheckResult("PY-STYLE-001", "Follows pycodestyle", Category.Style, CheckStatus.Failed, 0, 2, "0-basic_async_syntax.py:3:2: E225 missing whitespace around operator [red]x[/].", "0-basic_async_syntax.py", 3,
                    new CheckDetails(
                        [
                            new Finding("0-basic_async_syntax.py", 3, 2, "E225", "missing whitespace around operator"),
                            new Finding("0-basic_async_syntax.py", 9, 80, "E501", "line too long (81 > 79 characters)"),
                        ],
                        ImmutableSortedDictionary<string, string>.Empty.Add("tool", "pycodestyle 2.10.0, 2.5 profile"))),
                new CheckResult("PY-DOC-001", "Module has a docstring", Category.Docs, CheckStatus.Skipped, 0, 1, "Not checked until PY-SYN-001 passes.", "0-basic_async_syntax.py", null, null),
                new CheckResult("PY-CONV-003", "File is executable", Category.Conventions, CheckStatus.Error, 0, 0, "Style was not checked.", "0-basic_async_syntax.py", null, null),
                new CheckResult("PY-API-001", "Required functions are defined", Category.Api, CheckStatus.Passed, 2, 2, "ok", "0-basic_async_syntax.py", null, null),
            ]),
        ],
        [
            new CheckResult("PY-FILE-003", "README.md is present", Category.Files, CheckStatus.Passed, 1, 1, "README.md is present.", "README.md", null, null),
        ]);

    /// <summary>
    /// <see cref="Mixed"/> plus a task whose student-controlled text tries every trick: a workflow command after a
    /// line break, Markdown and HTML, XML-illegal control characters, a file name with ',' and ':'; and a hidden check.
    /// </summary>
    public static GradingResult Hostile()
    {
        var mixed = Mixed();
        var hostileTask = new TaskResult(1, "1-concurrent_coroutines.py", 2, 9,
        [
            new CheckResult("PY-BEH-010", "wait_n returns the delays of n wait_random calls", Category.Behaviour, CheckStatus.Error, 0, 3,
                "wait_n(5, 5) raised ValueError: nope\n::error::pwned\r\n::warning file=x.py::also pwned 100% <script>alert(1)</script> | *bold* \u0001", "1-concurrent_coroutines.py", 11, null),
            new CheckResult("PY-DOC-002", "Functions have docstrings", Category.Docs, CheckStatus.Failed, 0, 2,
                "we,ird:name.py:4: coroutine wait_n has no docstring.", "we,ird:name.py", 4,
                new CheckDetails([new Finding("we,ird:name.py", 4, 1, null, "coroutine wait_n has no docstring.\n::error::pwned")], ImmutableSortedDictionary<string, string>.Empty)),
            new CheckResult("PY-BEH-012", "wait_n returns the delays in completion order", Category.Behaviour, CheckStatus.Failed, 0, 2,
                "wait_n(5, 5) returned the delays sorted.", "1-concurrent_coroutines.py", null, null, Hidden: true),
            new CheckResult("PY-BEH-013", "wait_n handles n = 0 and max_delay = 0", Category.Behaviour, CheckStatus.Passed, 2, 2,
                "ok", "1-concurrent_coroutines.py", null, null, Hidden: true),
        ]);
        return mixed with { Score = mixed.Score + 2, MaxScore = mixed.MaxScore + 9, Tasks = mixed.Tasks.Add(hostileTask) };
    }
}

