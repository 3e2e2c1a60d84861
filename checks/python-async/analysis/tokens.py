#!/usr/bin/env python3
"""Turn Python files into normalised token streams for the similarity report.

The grader runs this script once for many files (a whole batch of
submissions): it reads one request JSON object on stdin and prints one
response JSON object on stdout.

Request:  {"files": [{"id": "<opaque id>", "source_b64": "..."}]}
Response: {"python": "3.11.7",
           "files": {"<id>": {"tokens": [[line, "norm"], ...],
                              "error": null | "message"}}}

Only Python's own ``tokenize`` looks at the code; nothing is imported or
executed.  Normalisation: keywords stay as they are, every other name
becomes "N", strings (f-strings included) "S", numbers "0"; comments, blank
lines, the encoding marker and the shebang are dropped, and so is every
expression statement that is only a string (docstrings); NEWLINE is ";",
INDENT "{", DEDENT "}", operators keep their text.  The script must stay
valid Python 3.7.
"""
import io
import json
import keyword
import os
import platform
import sys
import tokenize
from typing import Any, Dict, List, Optional, Tuple

# The grader runs this with -I, which leaves its own folder off sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from script_io import RequestError, read_request  # noqa: E402
from script_io import emit as emit_json  # noqa: E402

JSON = Dict[str, Any]
Token = Tuple[int, str, int]
"""(token type, normalised text, line)"""

MAX_TOKENS = 200000
DROPPED = frozenset((tokenize.COMMENT, tokenize.NL, tokenize.ENCODING,
                     tokenize.ENDMARKER))
# Python 3.12+ splits f-strings (3.14+ also t-strings) into several tokens.
STRING_STARTS = frozenset(
    getattr(tokenize, name) for name in ('FSTRING_START', 'TSTRING_START')
    if hasattr(tokenize, name))
STRING_ENDS = frozenset(
    getattr(tokenize, name) for name in ('FSTRING_END', 'TSTRING_END')
    if hasattr(tokenize, name))


def emit(obj: JSON) -> None:
    """Write the answer as compact JSON: it can hold a whole class's tokens."""
    emit_json(obj, compact=True)


def parse_request(raw: bytes) -> List[Tuple[str, bytes]]:
    """Validate the request and return [(id, source bytes)]."""
    return read_request(raw, 'id')[1]


def decode_source(data: bytes) -> Tuple[Optional[str], Optional[str]]:
    """Decode the file the way the interpreter does.

    Honours a UTF-8 BOM and a PEP 263 coding cookie and applies universal
    newlines.  Returns (text, None) or (None, message).
    """
    problem = None  # type: Optional[str]
    try:
        encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    except SyntaxError as exc:
        # Usually bad UTF-8 in the first two lines: decoding says where.
        encoding, problem = 'utf-8-sig', str(exc)
    body = data
    if encoding == 'utf-8-sig' and data.startswith(b'\xef\xbb\xbf'):
        body = data[3:]
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        line = body.count(b'\n', 0, exc.start) + 1
        shown = 'UTF-8' if encoding == 'utf-8-sig' else encoding.upper()
        return None, 'the file is not valid %s text (line %d): %s' % (
            shown, line, exc.reason)
    except LookupError as exc:
        return None, 'cannot decode the file: %s' % exc
    if problem is not None:
        return None, 'cannot decode the file: %s' % problem
    return text.replace('\r\n', '\n').replace('\r', '\n'), None


def normalise(tok: tokenize.TokenInfo) -> Optional[str]:
    """The normalised text of one token, or None to drop it."""
    kind, text = tok.type, tok.string
    if kind in DROPPED:
        return None
    if kind == tokenize.NAME:
        return text if keyword.iskeyword(text) else 'N'
    if kind == tokenize.STRING:
        return 'S'
    if kind == tokenize.NUMBER:
        return '0'
    if kind == tokenize.NEWLINE:
        return ';'
    if kind == tokenize.INDENT:
        return '{'
    if kind == tokenize.DEDENT:
        return '}'
    text = text.strip()
    return text or None


def read_tokens(text: str) -> Tuple[List[Token], Optional[str]]:
    """Tokenize and normalise; on a tokenize error keep what was read."""
    tokens = []  # type: List[Token]
    depth = 0
    line = 1
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in STRING_STARTS:
                if depth == 0:
                    tokens.append((tokenize.STRING, 'S', tok.start[0]))
                depth += 1
                continue
            if depth > 0:
                if tok.type in STRING_ENDS:
                    depth -= 1
                continue
            norm = normalise(tok)
            if norm is None:
                continue
            # A DEDENT is reported where the next statement starts (maybe
            # past the end of the file); it belongs to the block it closes.
            if tok.type != tokenize.DEDENT:
                line = tok.start[0]
            tokens.append((tok.type, norm, line))
            if len(tokens) >= MAX_TOKENS:
                return tokens, ('more than %d tokens; the rest of the file '
                                'is ignored' % MAX_TOKENS)
    except (tokenize.TokenError, SyntaxError) as exc:
        return tokens, '%s: %s' % (type(exc).__name__, exc)
    return tokens, None


def starts_statement(previous: Optional[Token]) -> bool:
    """True when the token after ``previous`` begins a statement."""
    return (previous is None
            or previous[0] in (tokenize.NEWLINE, tokenize.INDENT,
                               tokenize.DEDENT)
            or (previous[0] == tokenize.OP and previous[1] == ';'))


def drop_string_statements(tokens: List[Token]) -> List[Token]:
    """Remove every expression statement made only of strings."""
    kept = []  # type: List[Token]
    index = 0
    while index < len(tokens):
        if (tokens[index][0] == tokenize.STRING
                and starts_statement(kept[-1] if kept else None)):
            end = index
            while end < len(tokens) and tokens[end][0] == tokenize.STRING:
                end += 1
            after = tokens[end] if end < len(tokens) else None
            if after is None:
                index = end
                continue
            if after[0] == tokenize.NEWLINE or (
                    after[0] == tokenize.OP and after[1] == ';'):
                index = end + 1
                continue
        kept.append(tokens[index])
        index += 1
    return kept


def tokenize_file(data: bytes) -> JSON:
    """Normalised tokens of one file and the error that stopped them."""
    text, error = decode_source(data)
    if text is None:
        return {'tokens': [], 'error': error}
    tokens, error = read_tokens(text)
    return {'tokens': [[line, norm] for _, norm, line
                       in drop_string_statements(tokens)],
            'error': error}


def main() -> int:
    """Read the request, tokenize every file, print the response."""
    try:
        files = parse_request(sys.stdin.buffer.read())
    except RequestError as exc:
        emit({'error': str(exc)})
        return 2
    results = {}  # type: Dict[str, JSON]
    for ident, data in files:
        try:
            results[ident] = tokenize_file(data)
        except Exception as exc:  # never lose the other files
            results[ident] = {'tokens': [],
                              'error': '%s: %s' % (type(exc).__name__, exc)}
    emit({'python': platform.python_version(), 'files': results})
    return 0


if __name__ == '__main__':
    sys.exit(main())
