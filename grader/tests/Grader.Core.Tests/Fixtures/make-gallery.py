#!/usr/bin/env python3
"""Build the gallery of faulty submissions from the reference solution.

Every case under submissions/<case>/ is a copy of the five task files and the
README.md of reference-solution/python (never its mains/ folder) with exactly
one fault, plus an expected.json that names the checks (static and behaviour)
which must come out failed, error or timeout for that fault (checks reported
skipped because a prerequisite failed are not listed). submissions/README.md,
the table of all cases, is generated too.

In expected.json, "failing" maps a task ("0".."4") or "project" either to a
list of check ids, which must all come out failed, or to an object mapping
each id to its required status ("failed", "error" or "timeout"). A case whose
checks all come out failed uses lists; a case with any other status uses
objects for every key. The expectations hold for every seed and for both
clock modes (--clock virtual and --clock real).

Usage (from anywhere):

    python3 make-gallery.py          # (re)write every case, idempotent
    python3 make-gallery.py --check  # exit 1 if the folders differ from
                                     # what this script would write

Each case folder is deleted and written anew, byte for byte, and the
executable bits are copied from the reference (chmod +x on the .py files);
folders of cases no longer listed here (those holding an expected.json) are
removed. Keep the bytes in git exactly as written: /.gitattributes marks the
fixtures -text, so CRLF, BOM and missing final newlines survive a checkout.

To add a case, append a Case to CASES: a kebab-case name, one sentence saying
what is wrong, the failing checks per task ("0".."4") and for the project
("project"), as lists (all failed) or as {id: status} objects, and a function
that applies the fault to the copied files. The helpers below raise when the
text they edit is not found exactly once, so a change to the reference
solution cannot silently produce a case without its fault. Verify a new case
by hand with the real tools (pycodestyle, python3 -m py_compile, the Python
3.7 interpreter) and with the grader in both clock modes and with several
seeds before trusting it.

Some behaviour cases are hostile on purpose (endless loops, a list of 10**9
items, a C stack overflow, 50 MB of output): run their code only through the
grader, whose probe sets resource limits and a wall-clock timeout.
"""
import argparse
import filecmp
import json
import os
import shutil
import stat
import sys
import tempfile
from typing import Callable, Dict, List, NamedTuple, Optional, Union

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..'))
REFERENCE = os.path.join(ROOT, 'reference-solution', 'python')
GALLERY = os.path.join(HERE, 'submissions')

TASK_FILES = [
    '0-basic_async_syntax.py',
    '1-concurrent_coroutines.py',
    '2-measure_runtime.py',
    '3-tasks.py',
    '4-tasks.py',
]
README = 'README.md'
EXECUTABLE = 0o755
PLAIN = 0o644


class File(object):
    """Hold the bytes and the permission bits of one file of a case."""

    def __init__(self, content: bytes, mode: int) -> None:
        """Keep the content and the mode of the file."""
        self.content = content
        self.mode = mode


Files = Dict[str, File]
# The checks of one task (or of the project) that must not pass: a list of
# ids that must all come out failed, or an object mapping id to status.
Failing = Union[List[str], Dict[str, str]]
STATUSES = ('failed', 'error', 'timeout')


class Case(NamedTuple):
    """Describe one faulty submission and the checks it must fail."""

    name: str
    fault: str
    failing: Dict[str, Failing]
    apply: Callable[[Files], None]
    # With --clock real, when it differs: what only the virtual clock can see.
    failing_real: Optional[Dict[str, Failing]] = None


def load_reference() -> Files:
    """Read the task files and the README of the reference solution."""
    files = {}
    for name in TASK_FILES + [README]:
        path = os.path.join(REFERENCE, name)
        with open(path, 'rb') as handle:
            content = handle.read()
        mode = EXECUTABLE if name.endswith('.py') else PLAIN
        files[name] = File(content, mode)
    return files


def replace(files: Files, name: str, old: str, new: str) -> None:
    """Replace the one occurrence of old by new in the named file."""
    text = files[name].content.decode('utf-8')
    count = text.count(old)
    if count != 1:
        raise SystemExit('{}: expected one {!r}, found {}'.format(
            name, old, count))
    files[name].content = text.replace(old, new).encode('utf-8')


def set_content(files: Files, name: str, content: bytes) -> None:
    """Replace the whole content of the named file."""
    files[name].content = content


def transform(files: Files, name: str,
              change: Callable[[bytes], bytes]) -> None:
    """Apply a byte-level change to the named file and insist it changes."""
    before = files[name].content
    after = change(before)
    if after == before:
        raise SystemExit('{}: the change left the file as it was'.format(
            name))
    files[name].content = after


def delete(files: Files, name: str) -> None:
    """Remove the named file from the case."""
    del files[name]


def add(files: Files, name: str, text: str) -> None:
    """Add a new executable Python file to the case."""
    files[name] = File(text.encode('utf-8'), EXECUTABLE)


def drop_first_line(content: bytes) -> bytes:
    """Return the content without its first line."""
    return content.split(b'\n', 1)[1]


def to_crlf(content: bytes) -> bytes:
    """Return the content with every LF line ending turned into CRLF."""
    return content.replace(b'\r\n', b'\n').replace(b'\n', b'\r\n')


def strip_final_newline(content: bytes) -> bytes:
    """Return the content without its final newline."""
    return content.rstrip(b'\n')


HELPER_WITH_STYLE_PROBLEM = '''#!/usr/bin/env python3
"""Constants shared by the main files of this project."""
DEFAULT_MAX_DELAY=10
'''

NESTED_HELPER_OLD = '''    """
    coroutines = [wait_random(max_delay) for _ in range(n)]
'''

NESTED_HELPER_NEW = '''    """
    async def one(cap):
        """Run one wait_random with the given maximum delay."""
        return await wait_random(cap)

    coroutines = [one(max_delay) for _ in range(n)]
'''

TASKGROUP_OLD = '''    coroutines = [wait_random(max_delay) for _ in range(n)]
    delays = []
    for finished in asyncio.as_completed(coroutines):
        delays.append(await finished)
    return delays
'''

TASKGROUP_NEW = '''    delays = []
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(wait_random(max_delay))
                 for _ in range(n)]
        for finished in asyncio.as_completed(tasks):
            delays.append(await finished)
    return delays
'''

MEASURE_DOCSTRING = (
    '    """Measure the total run time of wait_n(n, max_delay) and return'
    ' total / n.\n'
    '\n'
    '    The time is taken with time.perf_counter around a fresh event loop.\n'
    '    """\n')

WAIT_RANDOM_DOCSTRING = (
    '    """Wait for a random delay between 0 and max_delay seconds and return'
    ' it.\n'
    '\n'
    '    The delay is a float drawn with random.uniform, so both ends are'
    ' included.\n'
    '    """\n')

STOPWATCH_OLD = '''def measure_time(n: int, max_delay: int) -> float:
'''

STOPWATCH_NEW = '''class Stopwatch:
    """Measure the seconds elapsed since it was created."""

    def __init__(self) -> None:
        """Start the stopwatch now."""
        self.start = time.perf_counter()

    def elapsed(self) -> float:
        """Return the seconds elapsed since the stopwatch started."""
        return time.perf_counter() - self.start


def measure_time(n: int, max_delay: int) -> float:
'''

STOPWATCH_BODY_OLD = '''    start = time.perf_counter()
    asyncio.run(wait_n(n, max_delay))
    return (time.perf_counter() - start) / n
'''

STOPWATCH_BODY_NEW = '''    watch = Stopwatch()
    asyncio.run(wait_n(n, max_delay))
    return watch.elapsed() / n
'''

T0, T1, T2, T3, T4 = TASK_FILES


def stopwatch(files: Files) -> None:
    """Make measure_time use a small class whose methods take self."""
    replace(files, T2, STOPWATCH_OLD, STOPWATCH_NEW)
    replace(files, T2, STOPWATCH_BODY_OLD, STOPWATCH_BODY_NEW)


# -- behaviour faults ---------------------------------------------------------
# The docstring and body of each function in the reference solution, which a
# behaviour case replaces as a whole (so that the docstring tells what the
# faulty code does).

WAIT_RANDOM_BODY = WAIT_RANDOM_DOCSTRING + \
    '''\
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay
'''

WAIT_N_BODY = '''\
    """Spawn wait_random n times concurrently and return all the delays.

    The delays are collected in the order the coroutines finish, which makes
    the list ascending without any sorting.
    """
    coroutines = [wait_random(max_delay) for _ in range(n)]
    delays = []
    for finished in asyncio.as_completed(coroutines):
        delays.append(await finished)
    return delays
'''

TASK_WAIT_RANDOM_BODY = (
    '    """Create and return an asyncio task that runs '
    'wait_random(max_delay)."""\n'
    '    return asyncio.create_task(wait_random(max_delay))\n')

MODULE_0_IMPORTS = '''import asyncio
import random
'''

MODULE_1_IMPORTS = '''import asyncio
from typing import List
'''


def wait_random_body(files: Files, body: str) -> None:
    """Replace the docstring and body of wait_random."""
    replace(files, T0, WAIT_RANDOM_BODY, body)


def wait_n_body(files: Files, body: str) -> None:
    """Replace the docstring and body of wait_n."""
    replace(files, T1, WAIT_N_BODY, body)


def own_copy(files: Files, copy: str) -> None:
    """Make 1-concurrent_coroutines.py define wait_random itself (a copy)
    instead of importing it from 0-basic_async_syntax.py."""
    replace(files, T1, IMPORTED_WAIT_RANDOM + '\n', '')
    head = '\n\nasync def wait_n('
    replace(files, T1, head, copy + head)
    import_in(files, T1, MODULE_1_IMPORTS, 'random')


def import_in(files: Files, name: str, old: str, module: str) -> None:
    """Add import module to the block of imports old of the named file."""
    lines = sorted(old.splitlines() + ['import ' + module],
                   key=lambda line: (line.startswith('from '), line))
    replace(files, name, old, '\n'.join(lines) + '\n')


SEQUENTIAL_THEN_SORTED = '''\
    """Await wait_random n times, one after another, and sort the delays."""
    delays = []
    for _ in range(n):
        delays.append(await wait_random(max_delay))
    return sorted(delays)
'''

GATHER_THEN_SORT = '''\
    """Gather n wait_random calls, then sort the delays in place."""
    delays = await asyncio.gather(
        *(wait_random(max_delay) for _ in range(n)))
    delays.sort()
    return delays
'''

BUBBLE_SORT = '''\
    """Gather n wait_random calls, then bubble-sort the delays by hand."""
    delays = list(await asyncio.gather(
        *(wait_random(max_delay) for _ in range(n))))
    for end in range(len(delays) - 1, 0, -1):
        for i in range(end):
            if delays[i] > delays[i + 1]:
                delays[i], delays[i + 1] = delays[i + 1], delays[i]
    return delays
'''

BISECT_INSORT = '''\
    """Insert each delay at its sorted place as its coroutine finishes."""
    coroutines = [wait_random(max_delay) for _ in range(n)]
    delays = []  # type: List[float]
    for finished in asyncio.as_completed(coroutines):
        bisect.insort(delays, await finished)
    return delays
'''

SPAWN_ORDER = '''\
    """Gather n wait_random calls and return the delays in spawn order."""
    delays = await asyncio.gather(
        *(wait_random(max_delay) for _ in range(n)))
    return list(delays)
'''

SEMAPHORE_CAPPED = '''\
    """Run wait_random n times, at most four at once, in completion order."""
    gate = asyncio.Semaphore(4)

    async def capped() -> float:
        """Run one wait_random once the gate lets it through."""
        async with gate:
            return await wait_random(max_delay)

    delays = []
    for finished in asyncio.as_completed([capped() for _ in range(n)]):
        delays.append(await finished)
    return delays
'''

HARD_CODED_LIST = '''\
    """Return a fixed list of delays without calling wait_random at all."""
    return [0.5, 1.0, 1.5, 2.0, 2.5]
'''

EXCEPTION_IN_WAIT_N = '''\
    """Refuse to run: raise ValueError instead of spawning wait_random."""
    raise ValueError('wait_n is not implemented yet')
'''

ENDLESS_AWAIT_LOOP = '''\
    """Await one-second sleeps forever and never return the delays."""
    while True:
        await asyncio.sleep(1)
'''

BUSY_LOOP = '''\
    """Spin forever without awaiting, so the event loop never runs again."""
    while True:
        pass
'''

OS_EXIT = '''\
    """End the whole interpreter at once with os._exit(0)."""
    os._exit(0)
'''

DEEP_RECURSION_HELPER_OLD = '''\
wait_random = __import__('0-basic_async_syntax').wait_random
'''

DEEP_RECURSION_HELPER_NEW = '''\
wait_random = __import__('0-basic_async_syntax').wait_random


def depth(count: int) -> int:
    """Return count after recursing count calls deep."""
    return 0 if count == 0 else 1 + depth(count - 1)
'''

DEEP_RECURSION = '''\
    """Recurse a million calls deep, then spawn wait_random n times.

    The recursion limit is lifted first, so the interpreter overflows the C
    stack and crashes instead of raising RecursionError.
    """
    sys.setrecursionlimit(10 ** 7)
    depth(10 ** 6)
    coroutines = [wait_random(max_delay) for _ in range(n)]
    delays = []
    for finished in asyncio.as_completed(coroutines):
        delays.append(await finished)
    return delays
'''

FAKE_VERDICT = '''\
    """Gather and sort the delays, and print a fake verdict of the grader."""
    delays = sorted(await asyncio.gather(
        *(wait_random(max_delay) for _ in range(n))))
    print('{"nonce": "0", "scenario": "wait_n_decoupled", "status": "ok", '
          '"result": [3.5, 0.5, 4.5, 1.5, 2.5]}')
    print('{"finished": true, "scenarios": 7}')
    print('PASSED PY-BEH-012 wait_n returns the delays in completion order')
    print('{"id": "PY-BEH-012", "status": "passed", "points": 4}')
    print('{"score": 164, "max_score": 164}')
    sys.stderr.write('PASSED: all checks\\n')
    return delays
'''

RANDINT = WAIT_RANDOM_DOCSTRING.replace(
    'a float drawn with random.uniform, so both ends are included',
    'a whole number drawn with random.randint') + \
    '''    delay = random.randint(0, max_delay)
    await asyncio.sleep(delay)
    return delay
'''

FLOAT_SUBCLASS_IMPORTS = '''import asyncio
import random


class Delay(float):
    """A float subclass, which the probe can only write as an opaque value."""
'''

FLOAT_SUBCLASS_NO_WAIT = '''\
    """Return a random delay between 0 and max_delay without waiting it.

    The delay is wrapped in a float subclass.
    """
    return Delay(random.uniform(0, max_delay))
'''

IGNORES_MAX_DELAY = '''\
    """Wait for a random delay between 0 and 10 seconds and return it.

    The upper bound is always 10 seconds, whatever max_delay says.
    """
    delay = random.uniform(0, 10)
    await asyncio.sleep(delay)
    return delay
'''

RETURNS_OTHER_VALUE = '''\
    """Wait for a random delay, then return another random delay.

    The value returned is drawn again after the wait, so it is not the delay
    that was waited.
    """
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return random.uniform(0, max_delay)
'''

RETURNS_MEASURED_TIME = '''\
    """Wait for a random delay and return how long the wait took.

    The time is measured with time.perf_counter around the sleep, which on a
    real event loop ends a little after the delay.
    """
    delay = random.uniform(0, max_delay)
    start = time.perf_counter()
    await asyncio.sleep(delay)
    return time.perf_counter() - start
'''

GATHER_THEN_SORTED = '''\
    """Gather n wait_random calls and return the delays sorted()."""
    delays = await asyncio.gather(
        *(wait_random(max_delay) for _ in range(n)))
    return sorted(delays)
'''

IMPORTED_WAIT_RANDOM = ("wait_random = __import__('0-basic_async_syntax')"
                        '.wait_random\n')

OWN_TRANSFORMED_WAIT_RANDOM = '''

async def wait_random(max_delay: int = 10) -> float:
    """Wait a random delay: max_delay times one less random.random()."""
    delay = max_delay * (1 - random.random())
    await asyncio.sleep(delay)
    return delay
'''

OWN_WAIT_RANDOM = '''

async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay of up to max_delay seconds and return it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay
'''

DONE_CALLBACKS = '''\
    """Start n wait_random tasks; done callbacks append their delays.

    The tasks are then awaited in the order they were started.
    """
    delays = []
    tasks = []
    for _ in range(n):
        task = asyncio.ensure_future(wait_random(max_delay))
        task.add_done_callback(lambda done: delays.append(done.result()))
        tasks.append(task)
    for task in tasks:
        await task
    return delays
'''

UNIFORM_REVERSED = WAIT_RANDOM_DOCSTRING + '''\
    delay = random.uniform(max_delay, 0)
    await asyncio.sleep(delay)
    return delay
'''

TIME_SLEEP = '''\
    """Block the whole thread for a random delay and return it.

    The delay is waited with time.sleep, which blocks the event loop.
    """
    delay = random.uniform(0, max_delay)
    time.sleep(delay)
    return delay
'''

SLEEP_IN_EXECUTOR = '''\
    """Wait for a random delay in a worker thread and return it.

    The delay is waited with time.sleep in the loop's default executor.
    """
    delay = random.uniform(0, max_delay)
    loop = asyncio.get_event_loop()
    await loop.run_in_executor(None, time.sleep, delay)
    return delay
'''

HUGE_OUTPUT_FLAG_OLD = '''\
import random
'''

HUGE_OUTPUT_FLAG_NEW = '''\
import random

print('x' * 50000000)
'''

MEMORY_HOG = '''\
    """Allocate a list of a billion items, then wait for a random delay.

    The list needs about 8 GB, far more than the grader allows.
    """
    ballast = [0] * 10 ** 9
    del ballast
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay
'''

COROUTINE_NOT_TASK = (
    '    """Return the wait_random(max_delay) coroutine itself, not a task."""'
    '\n'
    '    return wait_random(max_delay)\n')

NO_WAIT_SLEEP = '''import asyncio
import random
from typing import Any


async def no_wait(delay: float, result: Any = None) -> Any:
    """Return the result at once instead of waiting for the delay."""
    return result


asyncio.sleep = no_wait
'''

FROZEN_PERF_COUNTER_OLD = '''\
wait_n = __import__('1-concurrent_coroutines').wait_n
'''

FROZEN_PERF_COUNTER_NEW = '''\
wait_n = __import__('1-concurrent_coroutines').wait_n


def frozen_clock() -> float:
    """Return the same instant every time the clock is read."""
    return 1000.0


time.perf_counter = frozen_clock
'''

ENDLESS_IMPORT = '''

while True:
    pass
'''


def add_line(files: Files, name: str, text: str) -> None:
    """Append text to the end of the named file."""
    transform(files, name, lambda content: content + text.encode('utf-8'))


BEH_TASK_0 = ['PY-BEH-0{:02d}'.format(i) for i in range(1, 8)]
BEH_TASK_1 = ['PY-BEH-010', 'PY-BEH-011', 'PY-BEH-012', 'PY-BEH-013']
BEH_TASK_2 = ['PY-BEH-020', 'PY-BEH-021']
BEH_TASK_3 = ['PY-BEH-030', 'PY-BEH-031']
BEH_TASK_4 = ['PY-BEH-040', 'PY-BEH-041', 'PY-BEH-042', 'PY-BEH-043']


def every(checks: List[str], status: str) -> Dict[str, str]:
    """Require the same status of every check in the list."""
    return {check: status for check in checks}


BEHAVIOUR_CASES = [
    Case('sequential-then-sorted',
         'wait_n awaits each wait_random in turn, then returns '
         'sorted(delays): it takes the sum of the delays (PY-BEH-011) and '
         'its order comes from sorting, not from completion (PY-BEH-012).',
         {'1': ['PY-BEH-011', 'PY-BEH-012'], 'project': ['PY-BEH-052']},
         lambda f: wait_n_body(f, SEQUENTIAL_THEN_SORTED)),
    Case('gather-then-sort',
         'wait_n runs the calls concurrently with asyncio.gather, then '
         'sorts the list with .sort(): concurrent, but ordered by value '
         'instead of by completion.',
         {'1': ['PY-BEH-012']},
         lambda f: wait_n_body(f, GATHER_THEN_SORT)),
    Case('bubble-sort',
         'wait_n gathers the delays, then orders them with a hand-written '
         'bubble sort: ordered by value instead of by completion.',
         {'1': ['PY-BEH-012']},
         lambda f: wait_n_body(f, BUBBLE_SORT)),
    Case('bisect-insort',
         'wait_n collects the delays with asyncio.as_completed but inserts '
         'each one with bisect.insort: ordered by value instead of by '
         'completion.',
         {'1': ['PY-BEH-012']},
         lambda f: (import_in(f, T1, MODULE_1_IMPORTS, 'bisect'),
                    wait_n_body(f, BISECT_INSORT))),
    Case('spawn-order',
         'wait_n returns what asyncio.gather gives, the delays in the order '
         'the coroutines were started, not the order they finished.',
         {'1': ['PY-BEH-012'], 'project': ['PY-BEH-051']},
         lambda f: wait_n_body(f, SPAWN_ORDER)),
    Case('semaphore-capped',
         'wait_n lets at most four wait_random calls run at once through an '
         'asyncio.Semaphore: the later calls start only when earlier ones '
         'finish, so not all n run concurrently, even when the total time '
         'stays close to the longest delay. Run on the student\'s files, '
         '1-main.py prints lists that are not ascending, and 2-main.py an '
         'average above 9 / 5 (within the margins of --clock real).',
         {'1': ['PY-BEH-011'], 'project': ['PY-BEH-051', 'PY-BEH-052']},
         lambda f: wait_n_body(f, SEMAPHORE_CAPPED),
         failing_real={'1': ['PY-BEH-011'], 'project': ['PY-BEH-051']}),
    Case('randint',
         'wait_random draws its delay with random.randint(0, max_delay), '
         'a whole number of seconds (an int), not a float.',
         {'0': ['PY-BEH-003'],
          'project': ['PY-BEH-050', 'PY-BEH-051', 'PY-BEH-054']},
         lambda f: wait_random_body(f, RANDINT)),
    Case('float-subclass-no-wait',
         'wait_random returns its delay as a float subclass without waiting '
         'it. The probe writes such a value as opaque; every check that needs'
         ' the number fails instead of skipping it (fail closed): the range '
         '(PY-BEH-002) and the wait (PY-BEH-004) too. wait_n and task_wait_n '
         "are judged with the grader's own wait_random and pass; run on the "
         "student's files, 1-main.py and 4-main.py print lists that are not "
         'ascending, since no call waits.',
         {'0': ['PY-BEH-002', 'PY-BEH-003', 'PY-BEH-004', 'PY-BEH-005',
                'PY-BEH-006'],
          'project': ['PY-BEH-051', 'PY-BEH-054']},
         lambda f: (replace(f, T0, MODULE_0_IMPORTS, FLOAT_SUBCLASS_IMPORTS),
                    wait_random_body(f, FLOAT_SUBCLASS_NO_WAIT))),
    Case('ignores-max-delay',
         'wait_random draws its delay with random.uniform(0, 10) whatever '
         'max_delay is: the bounds are wrong (PY-BEH-002) and wait_random(0) '
         "waits (PY-BEH-006). The later tasks are judged with the grader's "
         "own wait_random and pass; the course's main files, run on the "
         "student's files, print delays out of range.",
         {'0': ['PY-BEH-002', 'PY-BEH-006'],
          'project': ['PY-BEH-050', 'PY-BEH-051', 'PY-BEH-054']},
         lambda f: wait_random_body(f, IGNORES_MAX_DELAY)),
    Case('returns-other-value',
         'wait_random sleeps for one random delay but returns another one, '
         'drawn again with random.uniform(0, max_delay) after the wait. '
         'wait_n and task_wait_n still run the calls concurrently and '
         'return their results in completion order, so only PY-BEH-004 '
         'fails.',
         {'0': ['PY-BEH-004'], 'project': ['PY-BEH-051', 'PY-BEH-054']},
         lambda f: wait_random_body(f, RETURNS_OTHER_VALUE)),
    Case('returns-measured-time',
         'wait_random returns the time it measured with time.perf_counter '
         "around its sleep instead of the delay it drew. The grader's virtual"
         ' loop, like a real one, wakes a little after each timer, so the '
         'value is not the one random.uniform gave: PY-BEH-005 fails and says'
         " so. The later tasks are judged with the grader's own wait_random. "
         'With --clock real the margins hide the few microseconds, but a '
         'sleep of 0 takes real time too, so wait_random(0) and the last list'
         ' 1-main.py prints, wait_n(10, 0), are more than 0 there.',
         {'0': ['PY-BEH-005']},
         lambda f: (import_in(f, T0, MODULE_0_IMPORTS, 'time'),
                    wait_random_body(f, RETURNS_MEASURED_TIME)),
         failing_real={'0': ['PY-BEH-006'], 'project': ['PY-BEH-051']}),
    Case('sorted-with-measured-wait-random',
         'wait_random returns the time it measured around its sleep, and '
         'wait_n gathers the calls and returns sorted(delays). With its own '
         'wait_random such a wait_n returns the completion order, since each '
         'value is the length of its wait; the grader judges wait_n with its '
         'own wait_random, which returns the delay it drew, so sorting '
         'shows (PY-BEH-012), and PY-BEH-005 names the measured time. With '
         '--clock real a sleep of 0 takes time too: wait_random(0) and the '
         'last list of 1-main.py are not 0.',
         {'0': ['PY-BEH-005'], '1': ['PY-BEH-012']},
         lambda f: (import_in(f, T0, MODULE_0_IMPORTS, 'time'),
                    wait_random_body(f, RETURNS_MEASURED_TIME),
                    wait_n_body(f, GATHER_THEN_SORTED)),
         failing_real={'0': ['PY-BEH-006'],
                       '1': ['PY-BEH-012'],
                       'project': ['PY-BEH-051']}),
    Case('sorted-with-transformed-random',
         '1-concurrent_coroutines.py keeps its own wait_random, which sleeps '
         'max_delay * (1 - random.random()), and wait_n returns the '
         'gathered delays sorted(). No sleep is one of the values the random '
         'module gave, yet the grader decides the order the sleeps end in, '
         'so sorting shows (PY-BEH-012); the copy fails PY-API-004.',
         {'1': ['PY-API-004', 'PY-BEH-012']},
         lambda f: (own_copy(f, OWN_TRANSFORMED_WAIT_RANDOM),
                    wait_n_body(f, GATHER_THEN_SORTED))),
    Case('copies-wait-random',
         '1-concurrent_coroutines.py defines its own copy of wait_random '
         'instead of importing it from 0-basic_async_syntax.py; the copy '
         'works, so only the import rule fails.',
         {'1': ['PY-API-004']},
         lambda f: own_copy(f, OWN_WAIT_RANDOM)),
    Case('task-wraps-constant-max-delay',
         'task_wait_random(max_delay) wraps wait_random(5), whatever '
         'max_delay is: the grader calls it with two values drawn from the '
         'seed, neither of them 5, so PY-BEH-031 fails. 4-main.py still '
         'prints an ascending list in range, since 5 < 6.',
         {'3': ['PY-BEH-031']},
         lambda f: replace(f, T3, 'create_task(wait_random(max_delay))',
                           'create_task(wait_random(5))')),
    Case('done-callbacks-race',
         'wait_n collects the delays in done callbacks and awaits the tasks '
         'in the order it started them. When they all finish at once '
         '(max_delay = 0), wait_n returns after the first callback: on a '
         'real event loop too, await wait_n(n, 0) gives one delay, and the '
         'other callbacks run a loop step later (asyncio.run hides it, so '
         '1-main.py passes). PY-BEH-013 fails and names the race.',
         {'1': ['PY-BEH-013']},
         lambda f: wait_n_body(f, DONE_CALLBACKS)),
    Case('imports-a-constant-from-an-earlier-task',
         '0-basic_async_syntax.py keeps the default max_delay in a constant, '
         'MAX_DELAY, and 1-concurrent_coroutines.py imports that constant '
         'from it beside wait_random: a correct solution, which must pass '
         "every check (under the grader's stand-in for task 0, MAX_DELAY "
         "comes from the student's own file).",
         {},
         lambda f: (replace(f, T0, 'async def wait_random(max_delay: int = '
                            '10)', 'MAX_DELAY = 10\n\n\nasync def '
                            'wait_random(max_delay: int = MAX_DELAY)'),
                    replace(f, T1, "wait_random = __import__('0-basic_async_"
                            "syntax').wait_random", "basic_async_syntax = "
                            "__import__('0-basic_async_syntax')\nwait_random "
                            "= basic_async_syntax.wait_random\nMAX_DELAY = "
                            "basic_async_syntax.MAX_DELAY"))),
    Case('uniform-reversed-bounds',
         'wait_random draws its delay with random.uniform(max_delay, 0), '
         'the same range as uniform(0, max_delay): a correct solution, '
         'which must pass every check.',
         {},
         lambda f: wait_random_body(f, UNIFORM_REVERSED)),
    Case('sleep-in-executor',
         'wait_random waits with time.sleep(delay) in a worker thread '
         '(run_in_executor): the loop stays free, but the wait is not '
         "asyncio.sleep, and the grader's clock runs such sleeps one after "
         'another, so PY-BEH-007 names it, in both clock modes (no false '
         'deadlock while the threads sleep). The later tasks are judged with '
         "the grader's own wait_random; run on the student's files, the "
         "course's main files show the sleeps one after another: lists that "
         'are not ascending and measure_time(5, 9) far above 9 / 5 (with '
         '--clock real the threads sleep at the same time, and they pass).',
         {'0': ['PY-BEH-007'],
          'project': ['PY-BEH-051', 'PY-BEH-052', 'PY-BEH-054']},
         lambda f: (import_in(f, T0, MODULE_0_IMPORTS, 'time'),
                    wait_random_body(f, SLEEP_IN_EXECUTOR)),
         failing_real={'0': ['PY-BEH-007']}),
    Case('time-sleep',
         'wait_random waits with the blocking time.sleep(delay) instead of '
         'await asyncio.sleep(delay): it blocks the event loop (PY-BEH-007). '
         "The later tasks are judged with the grader's own wait_random; run "
         "on the student's files, the course's main files show the calls one "
         'after another: 1-main.py and 4-main.py print the delays in the '
         'order the calls started, not ascending, and measure_time(5, 9) is '
         'far above 9 / 5.',
         {'0': ['PY-BEH-007'],
          'project': ['PY-BEH-051', 'PY-BEH-052', 'PY-BEH-054']},
         lambda f: (import_in(f, T0, MODULE_0_IMPORTS, 'time'),
                    wait_random_body(f, TIME_SLEEP))),
    Case('coroutine-not-task',
         'task_wait_random returns the coroutine wait_random(max_delay) '
         'without asyncio.create_task, so it returns no Task (awaiting it '
         'still gives the delay, and task_wait_n still works).',
         {'3': ['PY-BEH-030'], 'project': ['PY-BEH-053']},
         lambda f: replace(f, T3, TASK_WAIT_RANDOM_BODY,
                           COROUTINE_NOT_TASK)),
    Case('hard-coded-list',
         'wait_n returns the constant list [0.5, 1.0, 1.5, 2.0, 2.5] '
         'without calling wait_random: no calls (PY-BEH-010), nothing runs '
         'concurrently, it takes 0 s instead of about its largest delay '
         '(PY-BEH-011), no completion order (PY-BEH-012), and the wrong '
         'answer for n = 0 (PY-BEH-013).',
         {'1': ['PY-BEH-010', 'PY-BEH-011', 'PY-BEH-012', 'PY-BEH-013'],
          'project': ['PY-BEH-051']},
         lambda f: wait_n_body(f, HARD_CODED_LIST)),
    Case('exception-in-wait-n',
         'wait_n raises ValueError: every behaviour check of task 1 ends in '
         "error. measure_time is judged with the grader's own wait_n and "
         "passes; 1-main.py and 2-main.py, run on the student's files, print "
         'nothing and raise it.',
         {'1': {'PY-BEH-010': 'error', 'PY-BEH-011': 'error',
                'PY-BEH-012': 'error', 'PY-BEH-013': 'error'},
          'project': {'PY-BEH-051': 'failed', 'PY-BEH-052': 'failed'}},
         lambda f: wait_n_body(f, EXCEPTION_IN_WAIT_N)),
    Case('endless-loop-at-import',
         '3-tasks.py ends with while True: pass at module level, so importing'
         ' it never ends: the wall-clock limit stops task 3, whose checks '
         "time out. Task 4 imports the grader's own task_wait_random and "
         "passes; 3-main.py and 4-main.py, run on the student's files, time "
         'out.',
         {'3': {'PY-API-004': 'timeout', 'PY-BEH-030': 'timeout',
                'PY-BEH-031': 'timeout'},
          'project': {'PY-BEH-053': 'timeout', 'PY-BEH-054': 'timeout'}},
         lambda f: add_line(f, T3, ENDLESS_IMPORT)),
    Case('endless-loop-in-coroutine',
         'wait_n awaits asyncio.sleep(1) in an endless loop: it never '
         'returns, so the behaviour checks of task 1 time out, and so do '
         "1-main.py and 2-main.py on the student's files (measure_time, "
         "judged with the grader's own wait_n, passes).",
         {'1': {'PY-BEH-010': 'timeout', 'PY-BEH-011': 'timeout',
                'PY-BEH-012': 'timeout', 'PY-BEH-013': 'timeout'},
          'project': {'PY-BEH-051': 'timeout', 'PY-BEH-052': 'timeout'}},
         lambda f: wait_n_body(f, ENDLESS_AWAIT_LOOP)),
    Case('busy-loop-in-coroutine',
         'wait_n spins in while True: pass without ever awaiting, so the '
         'event loop and the virtual clock stand still and only the '
         'wall-clock limit stops it: the behaviour checks of task 1 time out,'
         " and so do 1-main.py and 2-main.py on the student's files "
         "(measure_time, judged with the grader's own wait_n, passes).",
         {'1': {'PY-BEH-010': 'timeout', 'PY-BEH-011': 'timeout',
                'PY-BEH-012': 'timeout', 'PY-BEH-013': 'timeout'},
          'project': {'PY-BEH-051': 'timeout', 'PY-BEH-052': 'timeout'}},
         lambda f: wait_n_body(f, BUSY_LOOP)),
    Case('sys-exit-at-import',
         '0-basic_async_syntax.py ends with sys.exit(0) at module level, so '
         'importing it exits: the behaviour checks of task 0 end in error, '
         "and every course main file, run on the student's files, fails (they"
         " all import task 0). The later tasks are judged with the grader's "
         'own wait_random and pass.',
         {'0': {'PY-BEH-001': 'error', 'PY-BEH-002': 'error',
                'PY-BEH-003': 'error', 'PY-BEH-004': 'error',
                'PY-BEH-005': 'error', 'PY-BEH-006': 'error',
                'PY-BEH-007': 'error'},
          'project': {'PY-BEH-050': 'failed', 'PY-BEH-051': 'failed',
                      'PY-BEH-052': 'failed', 'PY-BEH-053': 'failed',
                      'PY-BEH-054': 'failed'}},
         lambda f: (import_in(f, T0, MODULE_0_IMPORTS, 'sys'),
                    add_line(f, T0, '\n\nsys.exit(0)\n'))),
    Case('os-exit-in-wait-n',
         'wait_n calls os._exit(0), which ends the process at once: every '
         'behaviour check of task 1 ends in error, and so do 1-main.py and '
         "2-main.py on the student's files (measure_time, judged with the "
         "grader's own wait_n, passes).",
         {'1': {'PY-BEH-010': 'error', 'PY-BEH-011': 'error',
                'PY-BEH-012': 'error', 'PY-BEH-013': 'error'},
          'project': {'PY-BEH-051': 'error', 'PY-BEH-052': 'error'}},
         lambda f: (import_in(f, T1, MODULE_1_IMPORTS, 'os'),
                    wait_n_body(f, OS_EXIT))),
    Case('huge-output',
         'Not a fault of behaviour: importing 0-basic_async_syntax.py prints '
         '50 MB of text (one line of x), in every task process; the output '
         'is captured, capped (first and last lines kept) and ignored, so no '
         'check fails. The print happens at import, outside the timed '
         'scenarios, so both clock modes agree.',
         {'project': ['PY-BEH-050', 'PY-BEH-051', 'PY-BEH-052', 'PY-BEH-053',
                      'PY-BEH-054']},
         lambda f: replace(f, T0, HUGE_OUTPUT_FLAG_OLD, HUGE_OUTPUT_FLAG_NEW)),
    Case('fake-verdict',
         'wait_n sorts the gathered delays (the fault: PY-BEH-012) and '
         'prints fake probe records, PASSED lines and a fake score; the '
         'grader reads none of it, so the case fails exactly like a sorting '
         'wait_n.',
         {'1': ['PY-BEH-012'], 'project': ['PY-BEH-051', 'PY-BEH-052']},
         lambda f: (import_in(f, T1, MODULE_1_IMPORTS, 'sys'),
                    wait_n_body(f, FAKE_VERDICT))),
    Case('monkeypatched-sleep',
         '0-basic_async_syntax.py replaces asyncio.sleep at import with a '
         'coroutine that returns at once, so wait_random returns its delay '
         'without waiting it (PY-BEH-004). asyncio.sleep is one of the '
         "grader's instruments: every behaviour check of task 0 that ran on "
         'the replaced one fails closed (the facts checks, which call '
         'nothing, still pass), and so does every course main file run on the'
         " student's files. The later tasks import the grader's own "
         'wait_random, not this module, and pass.',
         {'0': ['PY-BEH-002', 'PY-BEH-003', 'PY-BEH-004', 'PY-BEH-005',
                'PY-BEH-006', 'PY-BEH-007'],
          'project': ['PY-BEH-050', 'PY-BEH-051', 'PY-BEH-052', 'PY-BEH-053',
                      'PY-BEH-054']},
         lambda f: replace(f, T0, MODULE_0_IMPORTS, NO_WAIT_SLEEP)),
    Case('monkeypatched-perf-counter',
         '2-measure_runtime.py replaces time.perf_counter with a function '
         'returning a constant, so measure_time measures 0 s and returns '
         '0.0 (PY-BEH-021); time.perf_counter is one of the grader\'s '
         'instruments, so PY-BEH-020 fails closed too.',
         {'2': ['PY-BEH-020', 'PY-BEH-021'], 'project': ['PY-BEH-052']},
         lambda f: replace(f, T2, FROZEN_PERF_COUNTER_OLD,
                           FROZEN_PERF_COUNTER_NEW)),
    Case('memory-hog',
         'wait_random allocates [0] * 10 ** 9 (about 8 GB), which the memory '
         'limit turns into MemoryError: every check of task 0 that awaits '
         'wait_random ends in error, and every course main file, run on the '
         "student's files, raises it; PY-BEH-001 (inspects wait_random) "
         "passes, and so do the later tasks, judged with the grader's own "
         'wait_random.',
         {'0': {'PY-BEH-002': 'error', 'PY-BEH-003': 'error',
                'PY-BEH-004': 'error', 'PY-BEH-005': 'error',
                'PY-BEH-006': 'error', 'PY-BEH-007': 'error'},
          'project': {'PY-BEH-050': 'failed', 'PY-BEH-051': 'failed',
                      'PY-BEH-052': 'failed', 'PY-BEH-053': 'failed',
                      'PY-BEH-054': 'failed'}},
         lambda f: wait_random_body(f, MEMORY_HOG)),
    Case('deep-recursion',
         'wait_n lifts the recursion limit and recurses a million calls deep,'
         ' which overflows the C stack and crashes the interpreter: every '
         'behaviour check of task 1 ends in error, and so do 1-main.py and '
         "2-main.py on the student's files (measure_time, judged with the "
         "grader's own wait_n, passes).",
         {'1': {'PY-BEH-010': 'error', 'PY-BEH-011': 'error',
                'PY-BEH-012': 'error', 'PY-BEH-013': 'error'},
          'project': {'PY-BEH-051': 'error', 'PY-BEH-052': 'error'}},
         lambda f: (import_in(f, T1, MODULE_1_IMPORTS, 'sys'),
                    replace(f, T1, DEEP_RECURSION_HELPER_OLD,
                            DEEP_RECURSION_HELPER_NEW),
                    wait_n_body(f, DEEP_RECURSION))),
    Case('task-wait-n-calls-wait-random',
         'task_wait_n spawns wait_random (imported from task 0) instead of '
         'task_wait_random: it never calls task_wait_random, though the '
         'delays, timing and order are right.',
         {'4': ['PY-BEH-040']},
         lambda f: (replace(f, T4,
                            "task_wait_random = __import__('3-tasks')"
                            ".task_wait_random\n",
                            "wait_random = __import__('0-basic_async_syntax')"
                            ".wait_random\n"),
                    replace(f, T4, 'Create n task_wait_random tasks',
                            'Spawn n wait_random coroutines'),
                    replace(f, T4, 'tasks = [task_wait_random(max_delay)',
                            'tasks = [wait_random(max_delay)'))),
]

CASES = [
    Case('missing-task-file',
         'Task 2\'s file 2-measure_runtime.py is missing.',
         {'2': ['PY-FILE-001'], 'project': ['PY-BEH-052']},
         lambda f: delete(f, T2)),
    Case('empty-file',
         '3-tasks.py is empty (0 bytes); the rest of task 3 is skipped.',
         {'3': ['PY-FILE-002'], 'project': ['PY-BEH-053', 'PY-BEH-054']},
         lambda f: set_content(f, T3, b'')),
    Case('whitespace-only-file',
         '4-tasks.py holds only blank lines and spaces, which counts as '
         'empty.',
         {'4': ['PY-FILE-002'], 'project': ['PY-BEH-054']},
         lambda f: set_content(f, T4, b'\n\n    \n')),
    Case('missing-shebang',
         '0-basic_async_syntax.py has no shebang: its first line is the '
         'module docstring.',
         {'0': ['PY-CONV-001']},
         lambda f: transform(f, T0, drop_first_line)),
    Case('other-interpreter-shebang',
         '1-concurrent_coroutines.py starts with #!/usr/bin/python3 instead '
         'of #!/usr/bin/env python3.',
         {'1': ['PY-CONV-001']},
         lambda f: replace(f, T1, '#!/usr/bin/env python3\n',
                           '#!/usr/bin/python3\n')),
    Case('shebang-trailing-space',
         '3-tasks.py has a space after its shebang, so the first line is '
         'not exactly the shebang (PY-CONV-001) and pycodestyle reports '
         'W291 trailing whitespace (PY-STYLE-001): one fault, two checks.',
         {'3': ['PY-CONV-001', 'PY-STYLE-001']},
         lambda f: replace(f, T3, '#!/usr/bin/env python3\n',
                           '#!/usr/bin/env python3 \n')),
    Case('bom-before-shebang',
         '2-measure_runtime.py starts with a UTF-8 byte order mark before '
         'the shebang (Python and pycodestyle accept the BOM, the shebang '
         'check does not).',
         {'2': ['PY-CONV-001']},
         lambda f: transform(f, T2, lambda c: b'\xef\xbb\xbf' + c)),
    Case('blank-line-before-shebang',
         '3-tasks.py starts with a blank line, so the shebang is line 2 '
         '(PY-CONV-001), where pycodestyle reads it as a comment and reports '
         'E265 block comment should start with \'# \' (PY-STYLE-001): one '
         'fault, two checks.',
         {'3': ['PY-CONV-001', 'PY-STYLE-001']},
         lambda f: transform(f, T3, lambda c: b'\n' + c)),
    Case('crlf-line-endings',
         '4-tasks.py has Windows (CRLF) line endings throughout, so the '
         'shebang asks for python3\\r (pycodestyle reports nothing for '
         'CRLF).',
         {'4': ['PY-CONV-001']},
         lambda f: transform(f, T4, to_crlf)),
    Case('no-trailing-newline',
         '0-basic_async_syntax.py does not end with a newline (PY-CONV-002), '
         'which pycodestyle also reports as W292 (PY-STYLE-001): one fault, '
         'two checks.',
         {'0': ['PY-CONV-002', 'PY-STYLE-001']},
         lambda f: transform(f, T0, strip_final_newline)),
    Case('not-executable',
         '1-concurrent_coroutines.py is not executable (mode 644).',
         {'1': ['PY-CONV-003']},
         lambda f: setattr(f[T1], 'mode', PLAIN)),
    Case('syntax-error',
         'The def line of measure_time in 2-measure_runtime.py lacks its '
         'colon; every later check of the file is skipped.',
         {'2': ['PY-SYN-001'], 'project': ['PY-BEH-052']},
         lambda f: replace(f, T2, 'max_delay: int) -> float:\n',
                           'max_delay: int) -> float\n')),
    Case('invalid-import-syntax',
         '1-concurrent_coroutines.py imports with from 0_basic_async_syntax '
         'import wait_random, which is invalid syntax (a name cannot start '
         'with a digit).',
         {'1': ['PY-SYN-001'], 'project': ['PY-BEH-051', 'PY-BEH-052']},
         lambda f: replace(
             f, T1,
             "wait_random = __import__('0-basic_async_syntax').wait_random\n",
             'from 0_basic_async_syntax import wait_random\n')),
    Case('walrus',
         'wait_random in 0-basic_async_syntax.py uses the walrus operator '
         '(:=, Python 3.8), pycodestyle-clean.',
         {'0': ['PY-COMPAT-001'],
          'project': ['PY-BEH-050', 'PY-BEH-051', 'PY-BEH-052', 'PY-BEH-053',
                      'PY-BEH-054']},
         lambda f: replace(
             f, T0,
             '    delay = random.uniform(0, max_delay)\n'
             '    await asyncio.sleep(delay)\n',
             '    await asyncio.sleep(delay := random.uniform(0, max_delay))'
             '\n')),
    Case('positional-only-params',
         'measure_time in 2-measure_runtime.py marks its parameters '
         'positional-only with / (Python 3.8 syntax).',
         {'2': ['PY-COMPAT-001'], 'project': ['PY-BEH-052']},
         lambda f: replace(f, T2, 'max_delay: int) -> float:',
                           'max_delay: int, /) -> float:')),
    Case('builtin-generic-annotation',
         'wait_n in 1-concurrent_coroutines.py is annotated -> list[float] '
         'without from __future__ import annotations, which Python 3.7 '
         'evaluates and rejects when the def runs.',
         {'1': ['PY-COMPAT-002'], 'project': ['PY-BEH-051', 'PY-BEH-052']},
         lambda f: replace(f, T1, '-> List[float]:', '-> list[float]:')),
    Case('future-annotations-generic-ok',
         'Not a fault: wait_n is annotated -> list[float], but '
         'from __future__ import annotations keeps Python 3.7 from '
         'evaluating it, so no check fails.',
         {},
         lambda f: (
             replace(f, T1, '-> List[float]:', '-> list[float]:'),
             replace(f, T1, '"""\nimport asyncio\n',
                     '"""\nfrom __future__ import annotations\n\n'
                     'import asyncio\n'))),
    Case('asyncio-taskgroup',
         'wait_n in 1-concurrent_coroutines.py uses asyncio.TaskGroup '
         '(Python 3.11 API, valid 3.7 syntax).',
         {'1': ['PY-COMPAT-002'], 'project': ['PY-BEH-051', 'PY-BEH-052']},
         lambda f: replace(f, T1, TASKGROUP_OLD, TASKGROUP_NEW)),
    Case('asyncio-to-thread',
         'wait_random in 0-basic_async_syntax.py draws its delay with '
         'asyncio.to_thread (Python 3.9 API).',
         {'0': ['PY-COMPAT-002'],
          'project': ['PY-BEH-050', 'PY-BEH-051', 'PY-BEH-052', 'PY-BEH-053',
                      'PY-BEH-054']},
         lambda f: replace(
             f, T0,
             '    delay = random.uniform(0, max_delay)\n',
             '    delay = await asyncio.to_thread(random.uniform, 0, '
             'max_delay)\n')),
    Case('pycodestyle-violation',
         'task_wait_n in 4-tasks.py has delays=[] (E225 missing whitespace '
         'around operator).',
         {'4': ['PY-STYLE-001']},
         lambda f: replace(f, T4, '    delays = []\n', '    delays=[]\n')),
    Case('missing-module-docstring',
         '3-tasks.py has no module docstring.',
         {'3': ['PY-DOC-001']},
         lambda f: replace(
             f, T3,
             '"""Wrap the wait_random coroutine in an asyncio task."""\n',
             '')),
    Case('missing-function-docstring',
         'measure_time in 2-measure_runtime.py has no docstring.',
         {'2': ['PY-DOC-002']},
         lambda f: replace(f, T2, MEASURE_DOCSTRING, '')),
    Case('one-word-docstring',
         'The docstring of wait_random in 0-basic_async_syntax.py is the '
         'single word """Waits.""".',
         {'0': ['PY-DOC-003']},
         lambda f: replace(f, T0, WAIT_RANDOM_DOCSTRING,
                           '    """Waits."""\n')),
    Case('template-docstring',
         'The docstring of wait_random is an IDE template left unfilled: '
         '_summary_, then Args: and Returns: sections whose descriptions are '
         '_description_.',
         {'0': ['PY-DOC-003']},
         lambda f: replace(f, T0, WAIT_RANDOM_DOCSTRING,
                           '    """_summary_\n\n'
                           '    Args:\n'
                           '        max_delay (int, optional): _description_.'
                           '\n\n'
                           '    Returns:\n'
                           '        float: _description_\n'
                           '    """\n')),
    Case('docstring-section-without-summary',
         'The docstring of measure_time starts with its Args: section '
         '("Args: n: count. max_delay: max. Returns: float average") and '
         'has no summary sentence.',
         {'2': ['PY-DOC-003']},
         lambda f: replace(f, T2, '    """Measure the total run time of '
                           'wait_n(n, max_delay) and return total / n.',
                           '    """Args: n: count. max_delay: max. '
                           'Returns: float average.')),
    Case('heading-module-docstring',
         'The module docstring of 3-tasks.py is a heading that only names '
         'the task ("Task 3: Tasks").',
         {'3': ['PY-DOC-003']},
         lambda f: replace(f, T3, '"""Wrap the wait_random coroutine in an '
                           'asyncio task."""', '"""Task 3: Tasks"""')),
    Case('unrelated-docstring',
         'The module docstring of 4-tasks.py says nothing about the code '
         '("Check by yourself, please."): no word of it is in the code or '
         'the assignment.',
         {'4': ['PY-DOC-003']},
         lambda f: replace(f, T4, '"""Run several task_wait_random tasks '
                           'concurrently and collect their delays."""',
                           '"""Check by yourself, please."""')),
    Case('missing-parameter-annotation',
         'The parameter max_delay of task_wait_random in 3-tasks.py has no '
         'annotation.',
         {'3': ['PY-ANN-001']},
         lambda f: replace(f, T3, '(max_delay: int) -> asyncio.Task:',
                           '(max_delay) -> asyncio.Task:')),
    Case('missing-return-annotation',
         'task_wait_n in 4-tasks.py has no return annotation.',
         {'4': ['PY-ANN-002']},
         lambda f: replace(f, T4, 'max_delay: int) -> List[float]:',
                           'max_delay: int):')),
    Case('nested-function-missing-annotation',
         'wait_n in 1-concurrent_coroutines.py uses a nested coroutine '
         'one(cap), with a docstring but neither a parameter nor a return '
         'annotation: both PY-ANN-001 and PY-ANN-002 fail, because nested '
         'definitions are checked too.',
         {'1': ['PY-ANN-001', 'PY-ANN-002']},
         lambda f: replace(f, T1, NESTED_HELPER_OLD, NESTED_HELPER_NEW)),
    Case('self-is-exempt',
         'Not a fault: measure_time uses a Stopwatch class whose methods '
         'leave self unannotated, which is allowed, so no check fails.',
         {},
         stopwatch),
    Case('missing-readme',
         'The project has no README.md.',
         {'project': ['PY-FILE-003']},
         lambda f: delete(f, README)),
    Case('empty-readme',
         'README.md is empty (0 bytes).',
         {'project': ['PY-FILE-004']},
         lambda f: set_content(f, README, b'')),
    Case('wrong-function-name',
         '0-basic_async_syntax.py defines wait_rand instead of wait_random. '
         'Tasks 1 and 3 import .wait_random, which would fail, but because '
         'PY-API-001 failed in task 0 the behaviour checks of task 0 and of '
         'every task importing it (1 to 4) are skipped, not run.',
         {'0': ['PY-API-001'],
          'project': ['PY-BEH-050', 'PY-BEH-051', 'PY-BEH-052', 'PY-BEH-053',
                      'PY-BEH-054']},
         lambda f: replace(f, T0, 'async def wait_random(',
                           'async def wait_rand(')),
    Case('task-wait-random-async',
         'task_wait_random in 3-tasks.py is an async def instead of a regular'
         " def. Task 3's behaviour checks are skipped; task 4 is judged with "
         "the grader's own task_wait_random and passes, while, run on the "
         "student's files, 3-main.py prints <class 'coroutine'> and 4-main.py"
         ' prints Tasks that never ran instead of delays.',
         {'3': ['PY-API-002'], 'project': ['PY-BEH-053', 'PY-BEH-054']},
         lambda f: replace(f, T3, '\ndef task_wait_random(',
                           '\nasync def task_wait_random(')),
    Case('wrong-default',
         'wait_random\'s max_delay in 0-basic_async_syntax.py defaults to 5 '
         'instead of 10.',
         {'0': ['PY-API-003']},
         lambda f: replace(f, T0, 'max_delay: int = 10',
                           'max_delay: int = 5')),
    Case('wrong-parameters',
         'wait_n in 1-concurrent_coroutines.py takes (max_delay, n) instead '
         'of (n, max_delay).',
         {'1': ['PY-API-003'], 'project': ['PY-BEH-051']},
         lambda f: replace(f, T1, 'wait_n(n: int, max_delay: int)',
                           'wait_n(max_delay: int, n: int)')),
    Case('extra-file-style',
         'An extra helper.py has DEFAULT_MAX_DELAY=10 (E225); the task files '
         'are clean.',
         {'project': ['PY-STYLE-002']},
         lambda f: add(f, 'helper.py', HELPER_WITH_STYLE_PROBLEM)),
    Case('keyword-spacing-2.5',
         'Not a fault under pycodestyle 2.5: task_wait_n writes '
         'for _ in(range(n)), which pycodestyle 2.6+ reports (E225, E275) '
         'but 2.5, the assignment\'s version, does not, so no check fails.',
         {},
         lambda f: replace(f, T4, 'for _ in range(n)]',
                           'for _ in(range(n))]')),
    Case('noqa-does-not-hide',
         'A line of 3-tasks.py is longer than 79 characters and ends with '
         '# noqa; the grader ignores noqa, so PY-STYLE-001 fails (E501).',
         {'3': ['PY-STYLE-001']},
         lambda f: replace(
             f, T3,
             '    return asyncio.create_task(wait_random(max_delay))\n',
             '    return asyncio.create_task(wait_random(max_delay))'
             '  # noqa: the task wraps it\n')),
] + BEHAVIOUR_CASES

KEY_ORDER = ['0', '1', '2', '3', '4', 'project']


def statuses(failing: Failing) -> Dict[str, str]:
    """Return the required status of each check id of one key."""
    if isinstance(failing, dict):
        return dict(failing)
    return {check: 'failed' for check in failing}


def validate(case: Case) -> None:
    """Insist on known keys and statuses in each expectation of a case."""
    validate_expectation(case.name, case.failing)
    if case.failing_real is not None:
        validate_expectation(case.name + ' (--clock real)', case.failing_real)


def validate_expectation(name: str, expected: Dict[str, Failing]) -> None:
    """Insist on known keys and statuses, and on the form they need.

    Lists are for expectations whose checks all come out failed; one with
    any other status writes every key as an {id: status} object.
    """
    unknown = set(expected) - set(KEY_ORDER)
    if unknown:
        raise SystemExit('{}: unknown keys {}'.format(name, unknown))
    found = [status for failing in expected.values()
             for status in statuses(failing).values()]
    if set(found) - set(STATUSES):
        raise SystemExit('{}: unknown statuses {}'.format(
            name, set(found) - set(STATUSES)))
    objects = [isinstance(failing, dict) for failing in expected.values()]
    if any(status != 'failed' for status in found):
        if not all(objects):
            raise SystemExit('{}: a case with a status other than failed '
                             'writes every key as an object'.format(name))
    elif any(objects):
        raise SystemExit('{}: a case whose checks all come out failed '
                         'writes lists'.format(name))


def expected_json(case: Case) -> bytes:
    """Render the expected.json of a case."""
    validate(case)
    document = {'fault': case.fault, 'failing': in_key_order(case.failing)}
    if case.failing_real is not None:
        document['failing_real'] = in_key_order(case.failing_real)
    return (json.dumps(document, indent=2) + '\n').encode('utf-8')


def in_key_order(expected: Dict[str, Failing]) -> Dict[str, Failing]:
    """Return the non-empty keys of an expectation, tasks then project."""
    return {key: expected[key] for key in KEY_ORDER if expected.get(key)}


def expectation_cell(expected: Dict[str, Failing]) -> str:
    """Render an expectation for the README's table: each key's checks."""
    return '; '.join(
        '{}: {}'.format('task ' + key if key != 'project' else key,
                        checks_cell(failing))
        for key, failing in in_key_order(expected).items()) or 'none'


def checks_cell(failing: Failing) -> str:
    """Render the checks of one key: ids, each status shown for objects."""
    if isinstance(failing, dict):
        return ', '.join('{} ({})'.format(check, status)
                         for check, status in failing.items())
    return ', '.join(failing)


def markdown_cell(text: str) -> str:
    """Escape a text for a cell of a Markdown table."""
    return text.replace('|', '\\|')


def gallery_readme() -> bytes:
    """Render the README.md that lists every case."""
    lines = [
        '# Gallery of faulty submissions',
        '',
        'Each folder is a copy of `reference-solution/python` (the five task '
        'files and',
        '`README.md`, not `mains/`) with exactly one fault, and an '
        '`expected.json` naming',
        'the checks, static and behaviour, that must come out `failed`, '
        '`error` or',
        '`timeout` (checks skipped because a prerequisite failed are not '
        'listed). Keys',
        '`0`..`4` are tasks, `project` the project-wide checks; an empty '
        '`failing` means',
        'no check may fail. A key holds a list of ids that must all be '
        '`failed`, or an',
        'object mapping each id to its status; a case with any status other '
        'than',
        '`failed` uses objects for every key, shown below as '
        '`ID (status)`. The',
        'expectations hold for every `--seed` and for both `--clock virtual` '
        'and',
        '`--clock real`, except where a case also has `failing_real`: what '
        'fails with',
        '`--clock real` instead, where the real clock\'s margins hide a fault '
        'the virtual',
        'clock sees, or real time shows it elsewhere.',
        '',
        'Some behaviour cases are hostile on purpose (endless loops, huge '
        'allocations,',
        'a crash, 50 MB of output): run their code only through the grader, '
        'whose probe',
        'applies resource limits and a wall-clock timeout. The cases stopped '
        'by that',
        'timeout (`busy-loop-in-coroutine`, `endless-loop-at-import`) take '
        'its full length',
        'to grade: 10 s with `--clock virtual`, 20 s with `--clock real`.',
        '',
        'Generated by `../make-gallery.py`: edit the script, not the '
        'folders, then run',
        '`python3 make-gallery.py` (or `--check` to verify the folders are '
        'up to date).',
        'The bytes are kept exactly by `.gitattributes` (`-text`).',
        '',
        '| Case | Fault | Expected failing checks |',
        '| --- | --- | --- |',
    ]
    for case in CASES:
        failing = expectation_cell(case.failing)
        if case.failing_real is not None:
            failing += '; with --clock real: ' + expectation_cell(
                case.failing_real)
        lines.append('| `{}` | {} | {} |'.format(
            case.name, markdown_cell(case.fault), failing))
    return ('\n'.join(lines) + '\n').encode('utf-8')


def write_file(path: str, content: bytes, mode: int) -> None:
    """Write the bytes of a file and set its permission bits."""
    with open(path, 'wb') as handle:
        handle.write(content)
    os.chmod(path, mode)


def build(target: str) -> None:
    """Write every case and the gallery README.md under target."""
    os.makedirs(target, exist_ok=True)
    names = set()
    for case in CASES:
        if case.name in names:
            raise SystemExit('duplicate case {}'.format(case.name))
        names.add(case.name)
        files = load_reference()
        case.apply(files)
        folder = os.path.join(target, case.name)
        if os.path.isdir(folder):
            shutil.rmtree(folder)
        os.makedirs(folder)
        for name, item in sorted(files.items()):
            write_file(os.path.join(folder, name), item.content, item.mode)
        write_file(os.path.join(folder, 'expected.json'),
                   expected_json(case), PLAIN)
    for entry in sorted(os.listdir(target)):
        folder = os.path.join(target, entry)
        if (entry not in names and os.path.isdir(folder)
                and os.path.isfile(os.path.join(folder, 'expected.json'))):
            print('removing stale case', entry)
            shutil.rmtree(folder)
    write_file(os.path.join(target, 'README.md'), gallery_readme(), PLAIN)


def executable(path: str) -> bool:
    """Tell whether the owner's executable bit of a file is set."""
    return bool(os.stat(path).st_mode & stat.S_IXUSR)


def differences(expected: str, actual: str) -> List[str]:
    """List the files whose bytes or executable bit differ."""
    found = []
    comparison = filecmp.dircmp(expected, actual)
    stack = [('', comparison)]
    while stack:
        prefix, level = stack.pop()
        for name in level.left_only:
            found.append('missing: ' + prefix + name)
        for name in level.right_only:
            found.append('unexpected: ' + prefix + name)
        for name in level.common_files:
            left = os.path.join(level.left, name)
            right = os.path.join(level.right, name)
            if not filecmp.cmp(left, right, shallow=False):
                found.append('content differs: ' + prefix + name)
            elif executable(left) != executable(right):
                found.append('executable bit differs: ' + prefix + name)
        for name, sub in sorted(level.subdirs.items()):
            stack.append((prefix + name + '/', sub))
    return sorted(found)


def main() -> int:
    """Build the gallery, or check that it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--check', action='store_true',
                        help='compare instead of writing; exit 1 on a '
                             'difference')
    arguments = parser.parse_args()
    if not arguments.check:
        build(GALLERY)
        print('wrote {} cases under {}'.format(len(CASES), GALLERY))
        return 0
    scratch = tempfile.mkdtemp(prefix='gallery-')
    try:
        build(os.path.join(scratch, 'submissions'))
        found = differences(os.path.join(scratch, 'submissions'), GALLERY)
    finally:
        shutil.rmtree(scratch)
    for line in found:
        print(line)
    if found:
        print('the gallery is out of date: run make-gallery.py')
        return 1
    print('the gallery is up to date ({} cases)'.format(len(CASES)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
