"""Decode a file as the interpreter does and compile it: SyntaxErr facts.

This is all of mode "compile"; mode "full" starts with the same steps.
"""
from __future__ import annotations

import io
import tokenize
import warnings
from typing import Any, Dict, Optional, Tuple

JSON = Dict[str, Any]


def error_fact(line: Optional[int], column: Optional[int], message: str,
               text: Optional[str]) -> JSON:
    """Build a SyntaxErr object."""
    return {'line': line, 'column': column, 'message': message,
            'text': text}


def decode_error(body: bytes, exc: UnicodeDecodeError,
                 encoding: str) -> JSON:
    """Describe a byte sequence that cannot be decoded, with its place."""
    start = exc.start
    line = body.count(b'\n', 0, start) + 1
    line_start = body.rfind(b'\n', 0, start) + 1
    line_end = body.find(b'\n', start)
    if line_end < 0:
        line_end = len(body)
    before = body[line_start:start].decode(encoding, 'replace')
    text = body[line_start:line_end].decode(encoding, 'replace')
    bad = body[start:start + 1]
    shown = ('0x%02X' % bad[0]) if bad else 'end of file'
    message = ('the file is not valid %s text: %s (byte %s); save it as '
               'UTF-8' % (encoding.upper(), exc.reason, shown))
    return error_fact(line, len(before) + 1, message, text.rstrip('\r'))


def decode_source(data: bytes) -> Tuple[Optional[str], Optional[JSON]]:
    """Decode the file the way the interpreter does.

    Honours a UTF-8 BOM and a PEP 263 coding cookie and applies universal
    newlines.  Returns (text, None) or (None, SyntaxErr).
    """
    problem = None  # type: Optional[str]
    try:
        encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    except SyntaxError as exc:
        encoding = ''
        problem = str(exc)
    body = data
    if encoding in ('', 'utf-8-sig'):
        if data.startswith(b'\xef\xbb\xbf'):
            body = data[3:]
        try:
            text = body.decode('utf-8')
        except UnicodeDecodeError as exc:
            return None, decode_error(body, exc, 'utf-8')
        if problem is not None:
            return None, error_fact(
                None, None, 'cannot decode the file: %s' % problem, None)
    else:
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError as exc:
            return None, decode_error(body, exc, encoding)
        except LookupError as exc:
            return None, error_fact(
                None, None, 'cannot decode the file: %s' % exc, None)
    return text.replace('\r\n', '\n').replace('\r', '\n'), None


def null_byte_error(text: str, message: str) -> JSON:
    """Describe a null byte in the source with its place."""
    index = text.find('\0')
    if index < 0:
        return error_fact(None, None, message, None)
    line = text.count('\n', 0, index) + 1
    line_start = text.rfind('\n', 0, index) + 1
    line_end = text.find('\n', index)
    if line_end < 0:
        line_end = len(text)
    return error_fact(line, index - line_start + 1, message,
                      text[line_start:line_end].replace('\0', '\\0'))


def compile_check(name: str, text: str) -> Optional[JSON]:
    """Compile the decoded text; return None or a SyntaxErr object.

    The decoded text (not the raw bytes) is compiled because CPython 3.11
    reports byte offsets instead of character offsets for bytes input.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            compile(text, name, 'exec', dont_inherit=True)
    except SyntaxError as exc:
        if exc.lineno is None and '\0' in text:
            return null_byte_error(text, exc.msg or str(exc))
        source_line = exc.text
        if isinstance(source_line, bytes):
            source_line = source_line.decode('utf-8', 'replace')
        lines = text.split('\n')
        if source_line is None and exc.lineno and \
                1 <= exc.lineno <= len(lines):
            source_line = lines[exc.lineno - 1]
        if source_line is not None:
            source_line = source_line.rstrip('\r\n')
        return error_fact(exc.lineno, exc.offset, exc.msg or str(exc),
                          source_line)
    except ValueError as exc:  # null bytes (some versions)
        return null_byte_error(text, str(exc))
    except (RecursionError, MemoryError) as exc:
        return error_fact(None, None, 'the code is nested too deeply: %s: %s'
                          % (type(exc).__name__, exc), None)
    return None


def compile_mode(name: str, data: bytes) -> JSON:
    """Facts of mode "compile": only the syntax error."""
    text, problem = decode_source(data)
    if problem is None and text is not None:
        problem = compile_check(name, text)
    return {'syntax_error': problem}
