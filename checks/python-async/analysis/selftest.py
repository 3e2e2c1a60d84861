#!/usr/bin/env python3
"""Hand-run self-check of analyze.py (not used by the grader).

Feeds sample files to analyze.py under the analysis interpreter (mode
"full") and under Python 3.7 (mode "compile", and mode "full" to prove it
does not crash there), checks the facts and measures the run time.

    python3 checks/python-async/analysis/selftest.py [PYTHON37]
"""
import base64
import json
import os
import subprocess
import sys
import time
from typing import Any, Dict, List

HERE = os.path.dirname(os.path.abspath(__file__))
ANALYZE = os.path.join(HERE, 'analyze.py')
PYTHON37 = '/root/.pyenv/versions/3.7.16/bin/python3.7'
SHEBANG = '#!/usr/bin/env python3\n'

TASK0 = SHEBANG + '''"""Basic async syntax: wait for a random delay."""
import asyncio
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait a random delay between 0 and max_delay seconds, return it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay
'''

TASK1 = SHEBANG + '''"""Run several wait_random coroutines concurrently."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random n times; return the delays in finishing order."""
    delays = []
    for finished in asyncio.as_completed(
            [wait_random(max_delay) for _ in range(n)]):
        delays.append(await finished)
    return delays
'''

TASK2 = SHEBANG + '''"""Measure the average run time of wait_n."""
import asyncio
import time

wait_n = __import__('1-concurrent_coroutines').wait_n


def measure_time(n: int, max_delay: int) -> float:
    """Return the total execution time of wait_n divided by n."""
    start = time.perf_counter()
    asyncio.run(wait_n(n, max_delay))
    return (time.perf_counter() - start) / n
'''

TASK3 = SHEBANG + '''"""Create an asyncio.Task from wait_random."""
import asyncio

wait_random = __import__('0-basic_async_syntax').wait_random


def task_wait_random(max_delay: int) -> asyncio.Task:
    """Return a Task that runs wait_random(max_delay)."""
    return asyncio.create_task(wait_random(max_delay))
'''

TASK4 = SHEBANG + '''"""Run several task_wait_random tasks concurrently."""
import asyncio
from typing import List

task_wait_random = __import__('3-tasks').task_wait_random


async def task_wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn task_wait_random n times; return delays as they finish."""
    delays = []
    for finished in asyncio.as_completed(
            [task_wait_random(max_delay) for _ in range(n)]):
        delays.append(await finished)
    return delays
'''

BAD_IMPORT = SHEBANG + '''"""Bad import."""
from 0_basic_async_syntax import wait_random
'''

WALRUS = SHEBANG + '''"""Walrus operator in a module."""
if (n := 10) > 5:
    print(n)
'''

LIST_FLOAT = SHEBANG + '''"""Builtin generics evaluated at run time."""
import asyncio
import random
from typing import Dict

values: list[int] = []


async def wait_n(n: int, max_delay: int) -> list[float]:
    """Return delays with a builtin generic annotation."""
    local: dict[str, int] = {}
    ok = isinstance(local, dict)
    bad = isinstance(local, list[int])
    return [random.uniform(0, max_delay) for _ in range(n)]


def later(a: "list[int]", b: Dict[str, list[int]]) -> int | None:
    """String annotations are never evaluated; the others are."""
    return None
'''

LIST_FLOAT_FUTURE = SHEBANG + '''"""Generics under postponed evaluation."""
from __future__ import annotations
import random

values: list[int] = []


async def wait_n(n: int, max_delay: int) -> list[float]:
    """Return delays with a builtin generic annotation."""
    return [random.uniform(0, max_delay) for _ in range(n)]


alias = list[float]
'''

TASKGROUP = SHEBANG + '''"""TaskGroup through an alias."""
import asyncio as aio
from asyncio import TaskGroup as TG
from math import dist


async def main() -> None:
    """Use API that Python 3.7 lacks."""
    s = "é"; t = aio.to_thread
    async with aio.TaskGroup() as group:
        group.create_task(aio.sleep(1), name="x")
    async with TG() as other:
        pass
    print("abc".removeprefix("a"), list(zip([1], [2], strict=True)))
    print(dist((0, 0), (1, 1)), anext)
'''

DOCS = SHEBANG + '''"""Module."""
import asyncio
from time import sleep


async def wait_n(n: int, max_delay: int):
    """Coroutine."""
    delays = []
    for _ in range(n):
        delays.append(await asyncio.sleep(max_delay, max_delay))
    delays = sorted(delays)
    for i in range(len(delays)):
        for j in range(len(delays) - i - 1):
            if delays[j] > delays[j + 1]:
                delays[j], delays[j + 1] = delays[j + 1], delays[j]
    sleep(1)

    def helper(x: int) -> int:
        """Nested helper that sorts on its own."""
        return sorted([x])[0]
    return delays


class Waiter:
    """A class with a method."""

    def wait(self, delay: float = 1.5, *args: int, flag=None,
             **kwargs) -> None:
        """Block the caller for a while."""
        import time
        time.sleep(delay)
        key = (lambda l: l)(1)
        x = key if delay in(1, 2) else(3)
'''

CRLF = SHEBANG.replace('\n', '\r\n') + (
    '"""Module with CRLF line endings."""\r\n\r\n\r\n'
    'def f(a: int) -> int:\r\n'
    '    """Return the argument unchanged."""\r\n'
    '    return a\r\n')

BOM = '\ufeff' + SHEBANG + '''"""Module with a byte order mark."""


def f() -> None:
    """Do nothing at all here."""
'''

COMPAT_SYNTAX = SHEBANG + '''"""Syntax that needs newer Pythons."""


def f(a, /, b):
    """Positional-only."""
    return f"{a=}"
'''

WITH_TUPLE = SHEBANG + '''"""A parenthesized with that 3.7 still compiles."""
with (a, b):
    pass
with (open("x") as f, open("y") as g):
    pass
'''

MISC_SYNTAX = SHEBANG + '''"""Other syntax 3.7 rejects."""


@x[0]
def f(*a):
    """Return a starred tuple."""
    return 1, *a
'''

LATIN1 = (b'#!/usr/bin/env python3\n# -*- coding: latin-1 -*-\n'
          b'"""Caf\xe9 module."""\nimport asyncio\n'
          b'x = "\xe9\xe9"; y = asyncio.to_thread\n')

SAMPLES = {
    '0-basic_async_syntax.py': TASK0.encode(),
    '1-concurrent_coroutines.py': TASK1.encode(),
    '2-measure_runtime.py': TASK2.encode(),
    '3-tasks.py': TASK3.encode(),
    '4-tasks.py': TASK4.encode(),
    'bad_import.py': BAD_IMPORT.encode(),
    'walrus.py': WALRUS.encode(),
    'list_float.py': LIST_FLOAT.encode(),
    'list_float_future.py': LIST_FLOAT_FUTURE.encode(),
    'taskgroup.py': TASKGROUP.encode(),
    'docs.py': DOCS.encode(),
    'crlf.py': CRLF.encode(),
    'bom.py': BOM.encode('utf-8'),
    'empty.py': b'',
    'compat_syntax.py': COMPAT_SYNTAX.encode(),
    'with_tuple.py': WITH_TUPLE.encode(),
    'misc_syntax.py': MISC_SYNTAX.encode(),
    'latin1.py': LATIN1,
    'invalid_utf8.py': SHEBANG.encode() + b'x = 1\ns = "\xe9t\xe9"\n',
    'null.py': SHEBANG.encode() + b'x = 1\x00\n',
}

FAILURES = []  # type: List[str]


def run(python: str, mode: str, names: List[str]) -> Dict[str, Any]:
    """Run analyze.py on some samples; return the parsed response."""
    request = {'mode': mode, 'files': [
        {'name': name,
         'source_b64': base64.b64encode(SAMPLES[name]).decode('ascii')}
        for name in names]}
    done = subprocess.run([python, '-I', '-S', ANALYZE],
                          input=json.dumps(request).encode('utf-8'),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          check=False)
    if done.returncode != 0 or done.stderr:
        FAILURES.append('%s %s: rc=%d stderr=%s' % (
            python, mode, done.returncode, done.stderr.decode()))
    return json.loads(done.stdout.decode('utf-8'))


def expect(condition: bool, label: str) -> None:
    """Record a failed expectation."""
    if not condition:
        FAILURES.append(label)


def by_name(facts: Dict[str, Any], qualname: str) -> Dict[str, Any]:
    """Return the def with this qualname."""
    for item in facts['defs']:
        if item['qualname'] == qualname:
            return item
    raise KeyError(qualname)


def check_full(files: Dict[str, Any]) -> None:
    """Check the facts of mode "full"."""
    for name in ('0-basic_async_syntax.py', '1-concurrent_coroutines.py',
                 '2-measure_runtime.py', '3-tasks.py', '4-tasks.py'):
        facts = files[name]
        expect(facts['syntax_error'] is None, name + ' syntax')
        expect(facts['compat37_error'] is None, name + ' compat37')
        expect(facts['compat_api'] == [], name + ' compat_api')
        expect(facts['facts_error'] is None, name + ' facts_error')
        expect(facts['module_doc'] is not None, name + ' module doc')
        for item in facts['defs']:
            expect(item['sorting'] == [], name + ' sorting')
            expect(item['blocking_calls'] == [], name + ' blocking')
            expect(item['returns_annotated'], name + ' returns')
            expect(all(p['annotated'] for p in item['params']),
                   name + ' params')
    wait_random = files['0-basic_async_syntax.py']['defs'][0]
    expect(wait_random['kind'] == 'coroutine', 'wait_random kind')
    expect(wait_random['params'][0]['default'] == {'literal': 10},
           'wait_random default')
    expect(files['3-tasks.py']['defs'][0]['kind'] == 'function',
           'task_wait_random kind')

    error = files['bad_import.py']['syntax_error']
    expect(error is not None and error['line'] == 3, 'bad import')

    error = files['walrus.py']['compat37_error']
    expect(error is not None and error['since'] == '3.8', 'walrus')

    api = files['list_float.py']['compat_api']
    lines = [(a['line'], a['name']) for a in api]
    expect((7, 'list[...]') in lines, 'module annotation list[int]')
    expect((10, 'list[...]') in lines, 'return list[float]')
    expect((12, 'dict[...]') not in lines, 'local annotation ignored')
    expect((14, 'list[...]') in lines, 'isinstance list[int]')
    expect((18, 'list[...]') in lines, 'Dict[str, list[int]]')
    expect((18, 'X | Y') in lines, 'int | None')
    expect(len([a for a in api if a['line'] == 18]) == 2,
           'string annotation ignored')
    api = files['list_float_future.py']['compat_api']
    expect([(a['line'], a['name']) for a in api] == [(14, 'list[...]')],
           'future annotations')

    api = files['taskgroup.py']['compat_api']
    names = [(a['line'], a['column'], a['name']) for a in api]
    for entry in [(4, 21, 'asyncio.TaskGroup'), (5, 18, 'math.dist'),
                  (10, 18, 'asyncio.to_thread'),
                  (11, 16, 'asyncio.TaskGroup'),
                  (12, 9, '.create_task(name=)'),
                  (15, 11, 'str.removeprefix'), (15, 41, 'zip(strict=)'),
                  (16, 33, 'anext')]:
        expect(entry in names, 'taskgroup %r' % (entry,))
    expect(len(names) == 8, 'taskgroup count %r' % names)

    facts = files['docs.py']
    wait_n = by_name(facts, 'wait_n')
    expect(wait_n['docstring'] == 'Coroutine.', 'one-word docstring')
    expect(not wait_n['returns_annotated'], 'missing return annotation')
    whats = [s['what'] for s in wait_n['sorting']]
    expect(whats == ['sorted()', 'hand-written sort (swap of list items)'],
           'sorting %r' % whats)
    expect([b['name'] for b in wait_n['blocking_calls']] == ['time.sleep'],
           'blocking')
    helper = by_name(facts, 'wait_n.helper')
    expect(helper['depth'] == 1 and not helper['in_class'], 'nested')
    expect([s['what'] for s in helper['sorting']] == ['sorted()'],
           'nested sorting')
    method = by_name(facts, 'Waiter.wait')
    expect(method['in_class'] and method['depth'] == 1, 'method')
    kinds = [(p['name'], p['kind'], p['default']) for p in method['params']]
    expect(kinds == [('self', 'positional', None),
                     ('delay', 'positional', {'literal': 1.5}),
                     ('args', 'vararg', None),
                     ('flag', 'kwonly', {'literal': None}),
                     ('kwargs', 'kwarg', None)], 'params %r' % kinds)
    expect(len(method['blocking_calls']) == 1, 'method time.sleep')

    for name in ('crlf.py', 'bom.py'):
        facts = files[name]
        expect(facts['syntax_error'] is None, name + ' syntax')
        expect(facts['module_doc'] is not None and
               facts['module_doc']['line'] == 2, name + ' doc line')
        expect(facts['defs'][0]['docstring'] is not None, name + ' def')
    expect(files['empty.py']['syntax_error'] is None and
           files['empty.py']['defs'] == [], 'empty file')

    error = files['compat_syntax.py']['compat37_error']
    expect(error is not None and error['line'] == 5 and
           error['since'] == '3.8', 'posonly %r' % error)
    error = files['with_tuple.py']['compat37_error']
    expect(error is not None and error['line'] == 5 and
           error['since'] == '3.9', 'with tuple %r' % error)
    error = files['misc_syntax.py']['compat37_error']
    expect(error is not None and error['line'] == 5 and
           error['since'] == '3.9', 'decorator %r' % error)

    api = files['latin1.py']['compat_api']
    expect([(a['line'], a['column']) for a in api] == [(5, 15)],
           'latin-1 %r' % api)
    error = files['invalid_utf8.py']['syntax_error']
    expect(error is not None and error['line'] == 3 and
           error['column'] == 6, 'invalid utf-8 %r' % error)
    error = files['null.py']['syntax_error']
    expect(error is not None and error['line'] == 2, 'null %r' % error)


def check_compile(files: Dict[str, Any]) -> None:
    """Check the facts of mode "compile" under Python 3.7."""
    failing = {'bad_import.py', 'walrus.py', 'compat_syntax.py',
               'with_tuple.py', 'misc_syntax.py', 'invalid_utf8.py',
               'null.py'}
    for name, facts in files.items():
        expect(set(facts) == {'syntax_error'}, name + ' compile keys')
        failed = facts['syntax_error'] is not None
        expect(failed == (name in failing), '3.7 compile %s %r'
               % (name, facts['syntax_error']))


def main() -> int:
    """Run every check; print the failures."""
    python37 = sys.argv[1] if len(sys.argv) > 1 else PYTHON37
    names = sorted(SAMPLES)
    full = run(sys.executable, 'full', names)
    check_full(full['files'])
    check_compile(run(python37, 'compile', names)['files'])
    full37 = run(python37, 'full', names)['files']
    for name, facts in full37.items():
        expect(facts.get('facts_error') is None, '3.7 full %s %s'
               % (name, facts.get('facts_error')))
    six = names[:6]
    elapsed = 1e9
    for _ in range(3):  # best of three: the machine may be busy
        started = time.perf_counter()
        run(sys.executable, 'full', six)
        elapsed = min(elapsed, (time.perf_counter() - started) * 1000)
    print('6 files, mode full (python -I -S): %.0f ms' % elapsed)
    expect(elapsed < 200, 'too slow: %.0f ms' % elapsed)
    for failure in FAILURES:
        print('FAIL', failure)
    print('ok' if not FAILURES else '%d failures' % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == '__main__':
    sys.exit(main())
