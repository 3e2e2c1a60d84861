#!/usr/bin/env python3
"""Build the gallery of faulty submissions from the reference solution.

Every case under submissions/<case>/ is a copy of the five task files and the
README.md of reference-solution/python (never its mains/ folder) with exactly
one fault, plus an expected.json that names the static checks which must come
out failed, error or timeout for that fault (checks reported skipped because a
prerequisite failed are not listed). submissions/README.md, the table of all
cases, is generated too.

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
("project"), and a function that applies the fault to the copied files. The
helpers below raise when the text they edit is not found exactly once, so a
change to the reference solution cannot silently produce a case without its
fault. Verify a new case by hand with the real tools (pycodestyle,
python3 -m py_compile, the Python 3.7 interpreter) before trusting it.
"""
import argparse
import filecmp
import json
import os
import shutil
import stat
import sys
import tempfile
from typing import Callable, Dict, List, NamedTuple

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


class Case(NamedTuple):
    """Describe one faulty submission and the checks it must fail."""

    name: str
    fault: str
    failing: Dict[str, List[str]]
    apply: Callable[[Files], None]


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


CASES = [
    Case('missing-task-file',
         'Task 2\'s file 2-measure_runtime.py is missing.',
         {'2': ['PY-FILE-001']},
         lambda f: delete(f, T2)),
    Case('empty-file',
         '3-tasks.py is empty (0 bytes); the rest of task 3 is skipped.',
         {'3': ['PY-FILE-002']},
         lambda f: set_content(f, T3, b'')),
    Case('whitespace-only-file',
         '4-tasks.py holds only blank lines and spaces, which counts as '
         'empty.',
         {'4': ['PY-FILE-002']},
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
         {'2': ['PY-SYN-001']},
         lambda f: replace(f, T2, 'max_delay: int) -> float:\n',
                           'max_delay: int) -> float\n')),
    Case('invalid-import-syntax',
         '1-concurrent_coroutines.py imports with from 0_basic_async_syntax '
         'import wait_random, which is invalid syntax (a name cannot start '
         'with a digit).',
         {'1': ['PY-SYN-001']},
         lambda f: replace(
             f, T1,
             "wait_random = __import__('0-basic_async_syntax').wait_random\n",
             'from 0_basic_async_syntax import wait_random\n')),
    Case('walrus',
         'wait_random in 0-basic_async_syntax.py uses the walrus operator '
         '(:=, Python 3.8), pycodestyle-clean.',
         {'0': ['PY-COMPAT-001']},
         lambda f: replace(
             f, T0,
             '    delay = random.uniform(0, max_delay)\n'
             '    await asyncio.sleep(delay)\n',
             '    await asyncio.sleep(delay := random.uniform(0, max_delay))'
             '\n')),
    Case('positional-only-params',
         'measure_time in 2-measure_runtime.py marks its parameters '
         'positional-only with / (Python 3.8 syntax).',
         {'2': ['PY-COMPAT-001']},
         lambda f: replace(f, T2, 'max_delay: int) -> float:',
                           'max_delay: int, /) -> float:')),
    Case('builtin-generic-annotation',
         'wait_n in 1-concurrent_coroutines.py is annotated -> list[float] '
         'without from __future__ import annotations, which Python 3.7 '
         'evaluates and rejects when the def runs.',
         {'1': ['PY-COMPAT-002']},
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
         {'1': ['PY-COMPAT-002']},
         lambda f: replace(f, T1, TASKGROUP_OLD, TASKGROUP_NEW)),
    Case('asyncio-to-thread',
         'wait_random in 0-basic_async_syntax.py draws its delay with '
         'asyncio.to_thread (Python 3.9 API).',
         {'0': ['PY-COMPAT-002']},
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
         '0-basic_async_syntax.py defines wait_rand instead of wait_random '
         '(task 1 still imports .wait_random, but static checks run no '
         'code).',
         {'0': ['PY-API-001']},
         lambda f: replace(f, T0, 'async def wait_random(',
                           'async def wait_rand(')),
    Case('task-wait-random-async',
         'task_wait_random in 3-tasks.py is an async def instead of a '
         'regular def.',
         {'3': ['PY-API-002']},
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
         {'1': ['PY-API-003']},
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
]

KEY_ORDER = ['0', '1', '2', '3', '4', 'project']


def expected_json(case: Case) -> bytes:
    """Render the expected.json of a case."""
    unknown = set(case.failing) - set(KEY_ORDER)
    if unknown:
        raise SystemExit('{}: unknown keys {}'.format(case.name, unknown))
    failing = {key: case.failing[key] for key in KEY_ORDER
               if case.failing.get(key)}
    document = {'fault': case.fault, 'failing': failing}
    return (json.dumps(document, indent=2) + '\n').encode('utf-8')


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
        'the static checks that must come out `failed`, `error` or `timeout` '
        '(checks',
        'skipped because a prerequisite failed are not listed). Keys `0`..`4` '
        'are tasks,',
        '`project` the project-wide checks; an empty `failing` means no '
        'check may fail.',
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
        failing = '; '.join(
            '{}: {}'.format('task ' + key if key != 'project' else key,
                            ', '.join(case.failing[key]))
            for key in KEY_ORDER if case.failing.get(key)) or 'none'
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
