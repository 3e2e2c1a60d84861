#!/usr/bin/env python3
"""Report facts about the Python files of a "0x01. Python - Async" submission.

The grader runs this script once per submission.  It reads one request JSON
object on stdin and prints one response JSON object on stdout (see README.md
beside this file for the contract).  It only reports facts; it never decides
whether a check passes.

The student's code is never imported or executed: only ``compile``, ``ast``
and ``tokenize`` look at it.  The script itself must stay valid Python 3.7
because the target interpreter runs it in mode "compile".
"""
from __future__ import annotations

import json
import os
import platform
import sys
import warnings
from typing import Any, Dict, List, Tuple

# The grader runs this with -I, which leaves its own folder off sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from script_io import RequestError, emit, read_request  # noqa: E402
from facts import full_mode  # noqa: E402
from parsing import compile_mode  # noqa: E402

JSON = Dict[str, Any]

DATA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                         'compat_apis.json')
MODES = ('full', 'compile')


def parse_request(raw: bytes) -> Tuple[str, List[Tuple[str, bytes]]]:
    """Validate the request and return (mode, [(name, source bytes)])."""
    request, files = read_request(raw, 'name')
    mode = request.get('mode')
    if mode not in MODES:
        raise RequestError('"mode" must be "full" or "compile"')
    return mode, files


def load_tables() -> JSON:
    """Load compat_apis.json, the table of API that Python 3.7 lacks."""
    with open(DATA_FILE, 'rb') as handle:
        tables = json.loads(handle.read().decode('utf-8'))
    for section in ('modules', 'attributes', 'methods',
                    'keyword_arguments', 'subscriptable'):
        tables.setdefault(section, {})
    tables.setdefault('blocking_calls', ['time.sleep'])
    return tables


def main() -> int:
    """Read the request, analyse every file, print the response."""
    warnings.simplefilter('ignore')
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    try:
        mode, files = parse_request(sys.stdin.buffer.read())
    except RequestError as exc:
        emit({'error': str(exc)})
        return 2
    tables = {}  # type: JSON
    if mode == 'full':
        try:
            tables = load_tables()
        except (OSError, ValueError) as exc:
            emit({'error': 'cannot load %s: %s' % (DATA_FILE, exc)})
            return 3
    results = {}  # type: Dict[str, JSON]
    for name, data in files:
        if mode == 'compile':
            try:
                results[name] = compile_mode(name, data)
            except Exception as exc:  # never lose the other files
                results[name] = {'syntax_error': None,
                                 'facts_error': '%s: %s'
                                 % (type(exc).__name__, exc)}
        else:
            results[name] = full_mode(name, data, tables)
    emit({'python': platform.python_version(), 'files': results})
    return 0


if __name__ == '__main__':
    sys.exit(main())
