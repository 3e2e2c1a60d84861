#!/usr/bin/env python3
"""Hand-run proof that a change to analyze.py leaves its output unchanged.

Not used by the grader.  "record" runs one analyze.py over a fixed corpus
under every installed interpreter, in both modes, and writes each run's exit
code and stdout bytes into a folder; "compare" prints how many runs two such
folders hold and every run whose exit code or stdout differs.

    python3 compare_outputs.py record ANALYZE_PY OUT_DIR [--warm FORKSERVER]
    python3 compare_outputs.py compare DIR_A DIR_B

With --warm every run goes through one "forkserver.py --inline" per
interpreter instead of a fresh process, the way the grader's warm runner
runs the script: many requests in one interpreter.

The corpus: every .py file of reference-solution/ and student-template/ (a
request each), every gallery folder of the .NET tests (a request holding
all its .py files), selftest.py's samples (a request each and one with all),
some broken files, and malformed requests (exit code 2).
"""
import base64
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
GALLERY = os.path.join(ROOT, 'grader', 'tests', 'Grader.Core.Tests',
                       'Fixtures', 'submissions')
PYENV = '/root/.pyenv/versions'
MODES = ('full', 'compile')
WORKERS = 2

Files = List[Tuple[str, bytes]]
Request = Tuple[str, bytes]
"""(request id, request bytes as given on stdin)"""

BROKEN_FILES = {
    'non_utf8.py': b'x = 1\ns = "\xff\xfe"\n',
    'null_byte.py': b'x = 1\ny = 2\x00 + 3\n',
    'empty.py': b'',
    'bom_only.py': b'\xef\xbb\xbf',
    'unknown_cookie.py': b'# -*- coding: foo -*-\nx = 1\n',
    'ascii_cookie.py': b'# coding: ascii\nx = "\xe9"\n',
    'cr_only.py': b'"""Doc."""\rimport asyncio\rx = 1\r',
    'unterminated.py': b'"""Doc.\nx = 1\n',
    'bad_indent.py': b'def f():\n\tif 1:\n        pass\n',
    'deep_parens.py': b'x = ' + b'(' * 300 + b'1' + b')' * 300 + b'\n',
    'deep_lists.py': b'x = ' + b'[' * 3000 + b']' * 3000 + b'\n',
    'type_params.py': b'def f[T](a: T) -> T:\n    return a\ntype X = int\n',
    'match.py': b'match x:\n    case 1:\n        pass\n',
    'except_star.py': b'try:\n    pass\nexcept* ValueError:\n    pass\n',
    'except_tuple.py': b'try:\n    pass\nexcept A, B:\n    pass\n',
    'unicode_columns.py': ('\u00e9t\u00e9 = list[int] | None\n'
                           'def f(\u00e0: dict[str, int] = {"\u00e9": 1},'
                           ' *, b=float("nan")) -> int | None:\n'
                           '    return \u00e0.removeprefix("x")\n'
                           ).encode('utf-8'),
    'await_outside.py': b'import asyncio\nawait asyncio.sleep(1)\n'
                        b'def f(x):\n    """Doc."""\n    return x\n',
}

MALFORMED_REQUESTS = {
    'empty_stdin': b'',
    'not_json': b'not json',
    'not_utf8': b'{"mode": "full", "files": [\xff]}',
    'array': b'[]',
    'no_files': b'{"mode": "full"}',
    'bad_mode': b'{"mode": "fast", "files": []}',
    'no_mode': b'{"files": []}',
    'file_not_object': b'{"mode": "full", "files": [1]}',
    'empty_name': b'{"mode": "full", "files": [{"name": "",'
                  b' "source_b64": ""}]}',
    'bad_base64': b'{"mode": "compile", "files": [{"name": "a.py",'
                  b' "source_b64": "@@@"}]}',
    'no_source': b'{"mode": "full", "files": [{"name": "a.py"}]}',
}


def interpreters() -> List[Tuple[str, str]]:
    """Return (label, path) of /usr/bin/python3 and the pyenv 3.7+."""
    found = [('system', '/usr/bin/python3')]
    if os.path.isdir(PYENV):
        for version in sorted(os.listdir(PYENV)):
            parts = version.split('.')
            if len(parts) < 2 or parts[0] != '3' or int(parts[1]) < 7:
                continue
            path = os.path.join(PYENV, version, 'bin',
                                'python%s.%s' % (parts[0], parts[1]))
            if os.path.exists(path):
                found.append((version, path))
    return found


def py_files(folder: str) -> Files:
    """Return (name, bytes) of the .py files below folder, sorted."""
    out = []  # type: Files
    for base, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            if name.endswith('.py'):
                path = os.path.join(base, name)
                with open(path, 'rb') as handle:
                    out.append((os.path.relpath(path, folder), handle.read()))
    return out


def selftest_samples() -> Dict[str, bytes]:
    """Return selftest.py's SAMPLES (it runs nothing when imported)."""
    sys.path.insert(0, HERE)
    try:
        import selftest
    finally:
        sys.path.pop(0)
    return dict(selftest.SAMPLES)


def request_bytes(mode: str, files: Files) -> bytes:
    """Return the stdin of analyze.py for these files."""
    return json.dumps({'mode': mode, 'files': [
        {'name': name, 'source_b64': base64.b64encode(data).decode('ascii')}
        for name, data in files]}).encode('utf-8')


def corpus_files() -> List[Tuple[str, Files]]:
    """Return (id, files) of every well-formed request of the corpus."""
    out = []  # type: List[Tuple[str, Files]]
    for top in ('reference-solution', 'student-template'):
        for name, data in py_files(os.path.join(ROOT, top)):
            out.append(('%s-%s' % (top, name.replace(os.sep, '_')),
                        [(name, data)]))
    for folder in sorted(os.listdir(GALLERY)):
        path = os.path.join(GALLERY, folder)
        if os.path.isdir(path):
            out.append(('gallery-' + folder, py_files(path)))
    samples = selftest_samples()
    for name in sorted(samples):
        out.append(('selftest-' + name, [(name, samples[name])]))
    out.append(('selftest-all', sorted(samples.items())))
    for name in sorted(BROKEN_FILES):
        out.append(('broken-' + name, [(name, BROKEN_FILES[name])]))
    out.append(('broken-all-and-duplicate',
                sorted(BROKEN_FILES.items()) + [('empty.py', b'x = 1\n')]))
    return out


def corpus() -> List[Request]:
    """Return every request: the files in both modes, and the malformed."""
    out = []  # type: List[Request]
    for request_id, files in corpus_files():
        for mode in MODES:
            out.append(('%s.%s' % (request_id, mode),
                        request_bytes(mode, files)))
    for name in sorted(MALFORMED_REQUESTS):
        out.append(('malformed-' + name, MALFORMED_REQUESTS[name]))
    return out


def run_cold(python: str, analyze: str, stdin: bytes) -> Tuple[int, bytes]:
    """Run analyze.py in a fresh process; return (exit code, stdout)."""
    done = subprocess.run([python, '-I', '-S', analyze], input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          check=False)
    return done.returncode, done.stdout


class WarmServer:
    """One "forkserver.py --inline" that runs analyze.py per request."""

    def __init__(self, python: str, forkserver: str) -> None:
        """Start the server and wait for its "ready" event."""
        self.process = subprocess.Popen(
            [python, '-I', '-S', forkserver, '--inline'],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL)
        self.folder = tempfile.mkdtemp(prefix='compare-outputs-')
        self.next_id = 0
        self.read_event()

    def read_event(self) -> Dict[str, object]:
        """Read one event line of the server."""
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError('the warm server stopped')
        return json.loads(line.decode('utf-8'))

    def run(self, analyze: str, stdin: bytes) -> Tuple[int, bytes]:
        """Run analyze.py once in the server; return (exit code, stdout)."""
        self.next_id += 1
        stdin_path = os.path.join(self.folder, 'stdin')
        with open(stdin_path, 'wb') as handle:
            handle.write(stdin)
        request = {'id': self.next_id, 'script': analyze, 'args': [],
                   'cwd': self.folder, 'env': {}, 'stdin_path': stdin_path,
                   'max_output': 1 << 30}
        self.process.stdin.write(json.dumps(request).encode('utf-8') + b'\n')
        self.process.stdin.flush()
        event = self.read_event()
        if event.get('event') != 'exited':
            raise RuntimeError('warm run failed: %r' % (event,))
        head, tail, _ = event['out']
        return int(event['exit']), (base64.b64decode(head) +
                                    base64.b64decode(tail))

    def close(self) -> None:
        """Stop the server by closing its stdin."""
        self.process.stdin.close()
        self.process.wait()


def record_one(out_dir: str, label: str, request_id: str,
               outcome: Tuple[int, bytes]) -> None:
    """Write "exit N" and the stdout bytes of one run."""
    path = os.path.join(out_dir, label, request_id + '.out')
    with open(path, 'wb') as handle:
        handle.write(b'exit %d\n' % outcome[0] + outcome[1])


def record(analyze: str, out_dir: str, forkserver: Optional[str]) -> int:
    """Run analyze.py over the corpus under every interpreter."""
    analyze = os.path.abspath(analyze)
    requests = corpus()
    for label, python in interpreters():
        os.makedirs(os.path.join(out_dir, label), exist_ok=True)
        if forkserver is not None:
            server = WarmServer(python, os.path.abspath(forkserver))
            for request_id, stdin in requests:
                record_one(out_dir, label, request_id,
                           server.run(analyze, stdin))
            server.close()
        else:
            with ThreadPoolExecutor(WORKERS) as pool:
                outcomes = pool.map(
                    lambda item: run_cold(python, analyze, item[1]),
                    requests)
                for (request_id, _), outcome in zip(requests, outcomes):
                    record_one(out_dir, label, request_id, outcome)
        print('%s: %d requests recorded' % (label, len(requests)))
    return 0


def recorded(folder: str) -> Dict[str, bytes]:
    """Return {"label/request id": recorded bytes} of a record folder."""
    out = {}  # type: Dict[str, bytes]
    for label in sorted(os.listdir(folder)):
        for name in sorted(os.listdir(os.path.join(folder, label))):
            with open(os.path.join(folder, label, name), 'rb') as handle:
                out[label + '/' + name[:-len('.out')]] = handle.read()
    return out


def first_difference(left: bytes, right: bytes) -> str:
    """Describe where two outputs part, with some context."""
    index = 0
    while index < min(len(left), len(right)) and \
            left[index] == right[index]:
        index += 1
    start = max(0, index - 60)
    return 'at byte %d:\n  A: %r\n  B: %r' % (
        index, left[start:index + 60], right[start:index + 60])


def compare(folder_a: str, folder_b: str) -> int:
    """Print the number of runs and every difference; 1 if any."""
    runs_a, runs_b = recorded(folder_a), recorded(folder_b)
    differences = 0
    for key in sorted(set(runs_a) | set(runs_b)):
        left, right = runs_a.get(key), runs_b.get(key)
        if left == right:
            continue
        differences += 1
        if left is None or right is None:
            print('DIFF %s: only in %s' % (
                key, folder_a if right is None else folder_b))
        else:
            print('DIFF %s %s' % (key, first_difference(left, right)))
    print('%d runs in A, %d in B (%d requests x %d interpreters), '
          '%d differences' % (
              len(runs_a), len(runs_b), len(corpus()),
              len({key.split('/')[0] for key in runs_a}), differences))
    return 1 if differences else 0


def main(argv: List[str]) -> int:
    """Dispatch "record" and "compare"."""
    if len(argv) == 3 and argv[0] == 'record':
        return record(argv[1], argv[2], None)
    if len(argv) == 5 and argv[0] == 'record' and argv[3] == '--warm':
        return record(argv[1], argv[2], argv[4])
    if len(argv) == 3 and argv[0] == 'compare':
        return compare(argv[1], argv[2])
    print(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
