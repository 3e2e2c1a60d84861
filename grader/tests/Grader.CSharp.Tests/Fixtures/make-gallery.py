#!/usr/bin/env python3
"""Build the C# gallery of faulty submissions from reference-solution/csharp.

Every case under submissions/<case>/ is a copy of the reference's .csproj, five
task files and README.md with exactly one fault (or one change that must not be
taken for a fault, such as a package or a helper project), plus an expected.json in the
shape of the Python gallery's (../../Grader.Core.Tests/Fixtures/make-gallery.py):
"failing" maps a task ("0".."4") or "project" to a list of check ids that must
come out failed, or to an object {id: status} when any status is not "failed".
Checks skipped because a prerequisite failed are not listed; an empty
"failing" means no check may fail (a case that proves there is no false alarm).

Usage: python3 make-gallery.py          # (re)write every case
       python3 make-gallery.py --check  # exit 1 if the folders are stale

The helpers raise when the text they edit is not found exactly once, so a
change to the reference cannot silently produce a case without its fault.
Some cases are hostile on purpose (a CPU-bound endless loop, a stack overflow,
Environment.Exit): run their code only through the grader's harness.
"""
import argparse
import filecmp
import json
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..'))
REFERENCE = os.path.join(ROOT, 'reference-solution', 'csharp')
GALLERY = os.path.join(HERE, 'submissions')
FILES = ['AsyncBasics.csproj', 'README.md', 'BasicAsyncSyntax.cs', 'ConcurrentCoroutines.cs',
         'MeasureRuntime.cs', 'Tasks.cs', 'Tasks.WaitN.cs']
W, N, M, T3, T4 = 'BasicAsyncSyntax.cs', 'ConcurrentCoroutines.cs', 'MeasureRuntime.cs', 'Tasks.cs', 'Tasks.WaitN.cs'

BEH0 = ['CS-BEH-001', 'CS-BEH-002', 'CS-BEH-003', 'CS-BEH-004', 'CS-BEH-005']
BEH1 = ['CS-BEH-010', 'CS-BEH-011', 'CS-BEH-012', 'CS-BEH-013']
BEH4 = ['CS-BEH-040', 'CS-BEH-041', 'CS-BEH-042', 'CS-BEH-043']


def replace(folder, name, old, new):
    path = os.path.join(folder, name)
    with open(path, encoding='utf-8') as handle:
        text = handle.read()
    if text.count(old) != 1:
        raise SystemExit(f'{name}: expected exactly one {old!r}')
    with open(path, 'w', encoding='utf-8', newline='') as handle:
        handle.write(text.replace(old, new))


def write(folder, name, text):
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as handle:
        handle.write(text)


def add_to_project(folder, items):
    replace(folder, 'AsyncBasics.csproj', '  </PropertyGroup>\n', '  </PropertyGroup>\n  <ItemGroup>\n' + items + '  </ItemGroup>\n')


def every(ids, status):
    return {check: status for check in ids}


WAIT_N_BODY = '''        var waits = Enumerable.Range(0, n).Select(_ => BasicAsyncSyntax.WaitRandom(maxDelay)).ToList();
        var delays = new List<double>(n);
        await foreach (var finished in Task.WhenEach(waits))
        {
            delays.Add(await finished);
        }

        return delays;'''
TASK_WAIT_N_BODY = WAIT_N_BODY.replace('BasicAsyncSyntax.WaitRandom(maxDelay)', 'TaskWaitRandom(maxDelay)').replace('waits', 'tasks')
PARALLEL_WAIT_N = '''        var delays = new List<double>(n);
        await Parallel.ForEachAsync(Enumerable.Range(0, n), {options}async (_, _) =>
        {{
            var delay = await BasicAsyncSyntax.WaitRandom(maxDelay);
            lock (delays)
            {{
                delays.Add(delay);
            }}
        }});

        return delays;'''
WAIT_RANDOM_DELAY = '        await Task.Delay(TimeSpan.FromSeconds(delay));'

MEASURE_WITH_PACKAGE = '''        var perWait = stopwatch.Elapsed.TotalSeconds / n;

        // A round trip through the package's serializer: the file compiles, and runs, only with the package.
        return JsonConvert.DeserializeObject<double>(JsonConvert.SerializeObject(perWait));
'''
HELPERS_PROJECT = '''<Project Sdk="Microsoft.NET.Sdk">
  <!-- A helper library of the student's own, referenced by the main project. -->
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
</Project>
'''
HELPERS_SOURCE = '''namespace Helpers;

/// <summary>Arithmetic on measured times.</summary>
public static class DelayMath
{
    /// <summary>Divides a total time by how many items shared it.</summary>
    /// <param name="total">The total time, in seconds.</param>
    /// <param name="count">How many items shared it.</param>
    /// <returns>The time per item, in seconds.</returns>
    public static double PerItem(double total, int count) => total / count;
}
'''

CASES = [
    ('sequential-awaits', 'WaitN awaits each WaitRandom before starting the next, then sorts: the waits run one after another, and the order comes from sorting.',
     {'1': ['CS-BEH-011', 'CS-BEH-012']},
     lambda f: replace(f, N, WAIT_N_BODY, '''        var delays = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            delays.Add(await BasicAsyncSyntax.WaitRandom(maxDelay));
        }

        delays.Sort();
        return delays;''')),
    ('when-all-then-orderby', 'WaitN waits with Task.WhenAll, then sorts with OrderBy: concurrent, but the order comes from sorting.',
     {'1': ['CS-BEH-012']},
     lambda f: replace(f, N, WAIT_N_BODY, '''        var waits = Enumerable.Range(0, n).Select(_ => BasicAsyncSyntax.WaitRandom(maxDelay)).ToList();
        return (await Task.WhenAll(waits)).OrderBy(delay => delay).ToList();''')),
    ('when-all-then-sort', 'TaskWaitN waits with Task.WhenAll, then calls List.Sort: concurrent, but the order comes from sorting.',
     {'4': ['CS-BEH-042']},
     lambda f: replace(f, T4, TASK_WAIT_N_BODY, '''        var tasks = Enumerable.Range(0, n).Select(_ => TaskWaitRandom(maxDelay)).ToList();
        var delays = (await Task.WhenAll(tasks)).ToList();
        delays.Sort();
        return delays;''')),
    ('thread-sleep', 'WaitRandom blocks with Thread.Sleep instead of awaiting Task.Delay: the waits of WaitN and TaskWaitN then run one after another (each finishes in the order it started, so the completion order checks pass).',
     {'0': ['CS-BEH-005'], '1': ['CS-BEH-011'], '4': ['CS-BEH-041']},
     lambda f: replace(f, W, WAIT_RANDOM_DELAY, '        Thread.Sleep(TimeSpan.FromSeconds(delay));\n        await Task.Yield();')),
    ('delay-wait', 'WaitRandom blocks on Task.Delay(...).Wait() after its first await, so inside a continuation: the grader names the blocking wait (in the concurrency and order checks too) instead of stopping at a deadlock.',
     {'0': ['CS-BEH-005'], '1': ['CS-BEH-011', 'CS-BEH-012'], '4': ['CS-BEH-041', 'CS-BEH-042']},
     lambda f: replace(f, W, WAIT_RANDOM_DELAY, '        await Task.Yield();\n        Task.Delay(TimeSpan.FromSeconds(delay)).Wait();')),
    ('result-in-spawn-order', 'WaitN starts every wait, then blocks on each one\'s .Result in the order it started them.',
     {'1': ['CS-BEH-011', 'CS-BEH-012']},
     lambda f: replace(f, N, WAIT_N_BODY, '''        var waits = Enumerable.Range(0, n).Select(_ => BasicAsyncSyntax.WaitRandom(maxDelay)).ToList();
        await Task.Yield();
        return waits.Select(wait => wait.Result).ToList();
''')),
    ('result-of-unstarted-task', 'WaitRandom returns .Result of a Task it created but never started: the wait blocks forever (a deadlock, not a watchdog stop), and the grader names it; every behaviour check depends on WaitRandom.',
     {'0': every(BEH0, 'timeout'), '1': every(BEH1, 'timeout'), '2': {'CS-BEH-020': 'timeout'}, '3': {'CS-BEH-030': 'timeout'}, '4': every(BEH4, 'timeout')},
     lambda f: replace(f, W, '        return delay;', '        var pending = new Task<double>(() => delay);\n        return pending.Result;')),
    ('missing-doc-comment', 'WaitN has no XML doc comment.',
     {'1': ['CS-DOC-001']},
     lambda f: replace(f, N, '''    /// <summary>Runs WaitRandom n times concurrently and returns the delays in the order they finish.</summary>
    /// <param name="n">How many waits to start.</param>
    /// <param name="maxDelay">The longest delay of each wait, in seconds.</param>
    /// <returns>The delays, ascending because the shortest wait finishes first.</returns>
''', '')),
    ('one-word-summary', 'The summary of TaskWaitRandom is one word.',
     {'3': ['CS-DOC-002']},
     lambda f: replace(f, T3, '/// <summary>Starts WaitRandom and returns its task without waiting for it.</summary>', '/// <summary>Starts.</summary>')),
    ('missing-param-doc', 'The doc comment of WaitRandom has no <param> for maxDelay.',
     {'0': ['CS-DOC-003']},
     lambda f: replace(f, W, '    /// <param name="maxDelay">The longest delay to wait, in seconds.</param>\n', '')),
    ('formatting', 'WaitN has spacing and indentation that dotnet format would change.',
     {'1': ['CS-STYLE-001']},
     lambda f: (replace(f, N, 'var delays = new List<double>(n);', 'var delays=new List<double>( n );'),
                replace(f, N, '            delays.Add(await finished);', '          delays.Add(await finished);'))),
    ('compile-error', 'BasicAsyncSyntax.cs misses a semicolon: it does not compile, so no task that uses WaitRandom can be run.',
     {'0': ['CS-SYN-001']},
     lambda f: replace(f, W, 'var delay = Random.Shared.NextDouble() * maxDelay;', 'var delay = Random.Shared.NextDouble() * maxDelay')),
    ('nullable-warning', 'WaitN dereferences a possibly null string: a compiler warning (CS8602).',
     {'1': ['CS-COMPAT-001']},
     lambda f: replace(f, N, '        var delays = new List<double>(n);', '        string? label = n > 100 ? null : "few";\n        var delays = new List<double>(n + (label.Length * 0));')),
    ('async-void', 'BasicAsyncSyntax declares an async void helper.',
     {'0': ['CS-CONV-002']},
     lambda f: replace(f, W, '''        return delay;
    }
''', '''        return delay;
    }

    /// <summary>Lets other work run once, then returns.</summary>
    private static async void YieldOnce()
    {
        await Task.Yield();
    }
''')),
    ('no-trailing-newline', 'MeasureRuntime.cs does not end with a newline.',
     {'2': ['CS-CONV-001']},
     lambda f: replace(f, M, '    }\n}\n', '    }\n}')),
    ('missing-readme', 'The project has no README.md.',
     {'project': ['CS-FILE-003']},
     lambda f: os.remove(os.path.join(f, 'README.md'))),
    ('package-reference', 'MeasureTime round-trips its result through Newtonsoft.Json, a NuGet package: correct code that compiles and runs only with the package restored, so no check may fail.',
     {},
     lambda f: (add_to_project(f, '    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />\n'),
                replace(f, M, 'using System.Diagnostics;\n', 'using System.Diagnostics;\nusing Newtonsoft.Json;\n'),
                replace(f, M, '        return stopwatch.Elapsed.TotalSeconds / n;\n', MEASURE_WITH_PACKAGE))),
    ('project-reference', 'MeasureTime divides with a helper from Helpers/Helpers.csproj, a class library of the student\'s own that the project references: correct code, so no check may fail.',
     {},
     lambda f: (add_to_project(f, '    <!-- Helpers/ is a project of its own: its files are not compiled a second time here. -->\n'
                                  '    <Compile Remove="Helpers/**" />\n    <ProjectReference Include="Helpers/Helpers.csproj" />\n'),
                write(f, 'Helpers/Helpers.csproj', HELPERS_PROJECT),
                write(f, 'Helpers/DelayMath.cs', HELPERS_SOURCE),
                replace(f, M, '        return stopwatch.Elapsed.TotalSeconds / n;\n', '        return Helpers.DelayMath.PerItem(stopwatch.Elapsed.TotalSeconds, n);\n'))),
    ('missing-package', 'The project references a package that does not exist: the restore fails, so the project cannot be built and the checks that need the compiler are skipped.',
     {'project': ['CS-FILE-006']},
     lambda f: add_to_project(f, '    <PackageReference Include="No.Such.Package" Version="9.9.9" />\n')),
    ('missing-task-file', 'MeasureRuntime.cs is missing.',
     {'2': ['CS-FILE-001']},
     lambda f: os.remove(os.path.join(f, M))),
    ('wrong-signature', 'WaitRandom names its parameter max instead of maxDelay.',
     {'0': ['CS-API-003']},
     lambda f: (replace(f, W, 'WaitRandom(int maxDelay = 10)', 'WaitRandom(int max = 10)'),
                replace(f, W, 'NextDouble() * maxDelay;', 'NextDouble() * max;'),
                replace(f, W, '<param name="maxDelay">', '<param name="max">'))),
    ('task-wait-random-async', 'TaskWaitRandom is declared async (it awaits WaitRandom) instead of returning the running task.',
     {'3': ['CS-API-002']},
     lambda f: (replace(f, T3, 'public static Task<double> TaskWaitRandom(int maxDelay)', 'public static async Task<double> TaskWaitRandom(int maxDelay)'),
                replace(f, T3, 'return BasicAsyncSyntax.WaitRandom(maxDelay);', 'return await BasicAsyncSyntax.WaitRandom(maxDelay);'))),
    ('task-wait-n-calls-wait-random', 'TaskWaitN calls WaitRandom directly instead of TaskWaitRandom.',
     {'4': ['CS-BEH-040']},
     lambda f: replace(f, T4, '.Select(_ => TaskWaitRandom(maxDelay))', '.Select(_ => BasicAsyncSyntax.WaitRandom(maxDelay))')),
    ('random-next-int', 'WaitRandom draws whole seconds with Random.Next instead of a fraction of maxDelay.',
     {'0': ['CS-BEH-003']},
     lambda f: replace(f, W, 'var delay = Random.Shared.NextDouble() * maxDelay;', 'double delay = Random.Shared.Next(0, maxDelay + 1);')),
    ('endless-loop', 'WaitRandom spins in a CPU-bound loop that never awaits: every task that calls it is stopped by the time limit.',
     {'0': every(BEH0, 'timeout'), '1': every(BEH1, 'timeout'), '2': {'CS-BEH-020': 'timeout'},
      '3': {'CS-BEH-030': 'timeout'}, '4': every(BEH4, 'timeout')},
     lambda f: replace(f, W, '        var delay = Random.Shared.NextDouble() * maxDelay;',
                       '        var spins = 0L;\n        while (spins >= 0)\n        {\n            spins++;\n        }\n\n        var delay = Random.Shared.NextDouble() * maxDelay;')),
    ('environment-exit', 'WaitN calls Environment.Exit: the grader records the exit instead of ending, and reports it for WaitN and for MeasureTime, which calls it.',
     {'1': every(BEH1, 'error'), '2': {'CS-BEH-020': 'error'}},
     lambda f: replace(f, N, '        var delays = new List<double>(n);', '        if (n >= 0)\n        {\n            Environment.Exit(1);\n        }\n\n        var delays = new List<double>(n);')),
    ('stack-overflow', 'WaitRandom recurses without end: the stack overflows and the process dies, for every task that calls it.',
     {'0': every(BEH0, 'error'), '1': every(BEH1, 'error'), '2': {'CS-BEH-020': 'error'},
      '3': {'CS-BEH-030': 'error'}, '4': every(BEH4, 'error')},
     lambda f: (replace(f, W, '        var delay = Random.Shared.NextDouble() * maxDelay;', '        var delay = (Dive(0) * 0) + (Random.Shared.NextDouble() * maxDelay);'),
                replace(f, W, '        return delay;\n    }\n', '''        return delay;
    }

    /// <summary>Goes one level deeper, forever.</summary>
    /// <param name="level">How deep the recursion already is.</param>
    /// <returns>Never returns: the stack overflows first.</returns>
    private static int Dive(int level) => Dive(level + 1) + 1;
'''))),
    ('memory-hog', 'WaitRandom allocates a 1 GiB array before it waits: the harness\'s memory cap (a 512 MiB GC heap) refuses it with an OutOfMemoryException, for every task that calls it.',
     {'0': every(BEH0, 'error'), '1': every(BEH1, 'error'), '2': {'CS-BEH-020': 'error'},
      '3': {'CS-BEH-030': 'error'}, '4': every(BEH4, 'error')},
     lambda f: replace(f, W, '        var delay = Random.Shared.NextDouble() * maxDelay;', '''        var buffer = new byte[1024 * 1024 * 1024];
        var delay = (buffer.Length * 0) + (Random.Shared.NextDouble() * maxDelay);''')),
    ('configure-await-false', 'WaitN and TaskWaitN use ConfigureAwait(false); correct code, so no check may fail (the harness keeps the continuations in virtual time).',
     {},
     lambda f: (replace(f, N, 'await foreach (var finished in Task.WhenEach(waits))', 'await foreach (var finished in Task.WhenEach(waits).ConfigureAwait(false))'),
                replace(f, N, 'delays.Add(await finished);', 'delays.Add(await finished.ConfigureAwait(false));'),
                replace(f, T4, 'delays.Add(await finished);', 'delays.Add(await finished.ConfigureAwait(false));'))),
    ('parallel-foreach-async', 'WaitN runs the waits with Parallel.ForEachAsync and a degree of parallelism of n; correct code, so no check may fail (the harness runs the loop\'s workers in virtual time).',
     {},
     lambda f: replace(f, N, WAIT_N_BODY, PARALLEL_WAIT_N.format(options='new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, n) }, '))),
    ('parallel-foreach-capped', 'WaitN runs the waits with Parallel.ForEachAsync at its default degree of parallelism (the processor count, which the grader fixes at 4): one of the five waits starts only when another has finished.',
     {'1': ['CS-BEH-011']},
     lambda f: replace(f, N, WAIT_N_BODY, PARALLEL_WAIT_N.format(options=''))),
    ('task-run', 'TaskWaitRandom starts WaitRandom with Task.Run; correct code, so no check may fail.',
     {},
     lambda f: replace(f, T3, 'return BasicAsyncSyntax.WaitRandom(maxDelay);', 'return Task.Run(() => BasicAsyncSyntax.WaitRandom(maxDelay));')),
]


def write_case(target, name, fault, failing, apply):
    os.makedirs(target)
    for file in FILES:
        shutil.copyfile(os.path.join(REFERENCE, file), os.path.join(target, file))
    apply(target)
    with open(os.path.join(target, 'expected.json'), 'w', encoding='utf-8') as handle:
        json.dump({'fault': fault, 'failing': failing}, handle, indent=2)
        handle.write('\n')


def build(into):
    for name, fault, failing, apply in CASES:
        write_case(os.path.join(into, name), name, fault, failing, apply)


def differences(comparison, prefix):
    """Every file or folder that differs, at any depth (a case may have subfolders)."""
    found = [prefix + name for name in comparison.left_only + comparison.right_only + comparison.diff_files]
    for name, sub in comparison.subdirs.items():
        found += differences(sub, f'{prefix}{name}/')
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--check', action='store_true')
    check = parser.parse_args().check
    if check:
        with tempfile.TemporaryDirectory() as scratch:
            build(scratch)
            stale = differences(filecmp.dircmp(scratch, GALLERY), '')
            if stale:
                print('stale:', ', '.join(sorted(stale)))
                return 1
        return 0
    shutil.rmtree(GALLERY, ignore_errors=True)
    build(GALLERY)
    return 0


if __name__ == '__main__':
    sys.exit(main())
