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

import ast
import io
import json
import math
import os
import platform
import sys
import tokenize
import warnings
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple

# The grader runs this with -I, which leaves its own folder off sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from script_io import RequestError, emit, read_request  # noqa: E402

JSON = Dict[str, Any]
Position = Tuple[int, int]

HAS_END_POSITIONS = sys.version_info >= (3, 8)
DATA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                         'compat_apis.json')
MODES = ('full', 'compile')

FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)
DEF_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
SCOPE_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
               ast.Lambda)
COMPREHENSION_NODES = (ast.ListComp, ast.SetComp, ast.DictComp,
                       ast.GeneratorExp)
LOOP_NODES = (ast.For, ast.AsyncFor, ast.While)
ORDER_OPS = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)
LAYOUT_TOKENS = frozenset((tokenize.INDENT, tokenize.DEDENT, tokenize.NL,
                           tokenize.NEWLINE, tokenize.COMMENT,
                           tokenize.ENDMARKER))

BUILTIN_TYPES = frozenset(
    'builtins.' + name for name in (
        'bool', 'bytearray', 'bytes', 'complex', 'dict', 'float',
        'frozenset', 'int', 'list', 'memoryview', 'object', 'range', 'set',
        'str', 'tuple', 'type'))

ANNOTATION_MOMENT = {
    'function': 'when the function is defined',
    'module': 'when the module is imported',
    'class': 'when the class body runs',
    None: 'at run time',
}


class NotJsonable(Exception):
    """A literal default value has no JSON representation."""


# --------------------------------------------------------------------------
# Request / response
# --------------------------------------------------------------------------

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


# --------------------------------------------------------------------------
# Decoding and compiling
# --------------------------------------------------------------------------

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


# --------------------------------------------------------------------------
# Source text, positions and tokens
# --------------------------------------------------------------------------

def is_str_constant(node: ast.AST) -> bool:
    """Tell whether node is a plain string literal."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if sys.version_info < (3, 8):
        return isinstance(node, ast.Str)
    return False


def slice_of(node: ast.Subscript) -> ast.AST:
    """Return the index expression of a subscript (unwrapping ast.Index)."""
    index = node.slice
    if sys.version_info < (3, 9) and isinstance(index, ast.Index):
        return index.value
    return index


def to_jsonable(value: Any) -> Any:
    """Convert a literal value to JSON, or raise NotJsonable."""
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        raise NotJsonable()
    if isinstance(value, (list, tuple)):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise NotJsonable()
        return {key: to_jsonable(item) for key, item in value.items()}
    raise NotJsonable()


class Source:
    """Decoded text of one file, with position helpers and its tokens."""

    def __init__(self, text: str) -> None:
        """Split the text into lines and tokenize it (best effort)."""
        self.text = text
        self.lines = text.split('\n')
        self.tokens = None  # type: Optional[List[tokenize.TokenInfo]]
        self.token_at = {}  # type: Dict[Position, int]
        self.closer = {}  # type: Dict[int, int]
        try:
            self.tokens = list(
                tokenize.generate_tokens(io.StringIO(text).readline))
        except Exception:  # tokenize errors vary between versions
            self.tokens = None
            return
        stack = []  # type: List[int]
        for index, token in enumerate(self.tokens):
            if token.type not in LAYOUT_TOKENS:
                self.token_at.setdefault(token.start, index)
            if token.type != tokenize.OP:
                continue
            if token.string in '([{':
                stack.append(index)
            elif token.string in ')]}' and stack:
                self.closer[stack.pop()] = index

    def char_col(self, line: int, byte_col: int) -> int:
        """Convert a UTF-8 byte column (ast) to a 0-based char column."""
        if line < 1 or line > len(self.lines) or byte_col <= 0:
            return byte_col
        text = self.lines[line - 1]
        if all(ord(char) < 128 for char in text[:byte_col]):
            return byte_col
        encoded = text.encode('utf-8', 'surrogatepass')[:byte_col]
        return len(encoded.decode('utf-8', 'ignore'))

    def start(self, node: ast.AST) -> Position:
        """Return (line, 0-based char column) of the node's start."""
        line = getattr(node, 'lineno', 0)
        return line, self.char_col(line, getattr(node, 'col_offset', 0))

    def end(self, node: ast.AST) -> Optional[Position]:
        """Return (line, 0-based char column) of the node's end, if known."""
        line = getattr(node, 'end_lineno', None)
        column = getattr(node, 'end_col_offset', None)
        if line is None or column is None:
            return None
        return line, self.char_col(line, column)

    def where(self, node: ast.AST) -> JSON:
        """Return {"line", "column"} (1-based) of the node."""
        line, column = self.start(node)
        return {'line': line, 'column': column + 1}

    def segment(self, node: ast.AST) -> str:
        """Return the source text of a node."""
        if HAS_END_POSITIONS:
            text = ast.get_source_segment(self.text, node)
            if text is not None:
                return text
        line, column = self.start(node)
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1][column:].strip()
        return ''

    def char_at(self, position: Position) -> str:
        """Return the character at a (line, 0-based column), or ''."""
        line, column = position
        if 1 <= line <= len(self.lines) and column >= 0:
            return self.lines[line - 1][column:column + 1]
        return ''

    def is_parenthesized(self, node: ast.AST) -> bool:
        """Tell whether the node's whole text is wrapped in ( )."""
        end = self.end(node)
        start = self.start(node)
        if self.tokens is None or end is None:
            return self.char_at(start) == '('
        index = self.token_at.get(start)
        if index is None or self.tokens[index].string != '(':
            return False
        closer = self.closer.get(index)
        return closer is not None and self.tokens[closer].end == end


# --------------------------------------------------------------------------
# Name resolution through imports
# --------------------------------------------------------------------------

class Resolver:
    """Resolve names and attribute chains to dotted standard-library names.

    The resolution is module-wide and ignores scopes: ``import asyncio as
    aio`` anywhere makes ``aio.TaskGroup`` mean ``asyncio.TaskGroup``.  A
    name that is neither imported nor bound in the file is a builtin.
    """

    def __init__(self, tree: ast.AST) -> None:
        """Collect the imports and the bound names of the module."""
        self.aliases = {}  # type: Dict[str, str]
        self.bound = set()  # type: Set[str]
        self.from_imports = {}  # type: Dict[str, ast.AST]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.aliases[alias.asname] = alias.name
                    else:
                        top = alias.name.split('.')[0]
                        self.aliases[top] = top
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name == '*':
                        continue
                    local = alias.asname or alias.name
                    if node.level or not node.module:
                        self.bound.add(local)
                    else:
                        self.aliases[local] = node.module + '.' + alias.name
            elif isinstance(node, ast.Name):
                if not isinstance(node.ctx, ast.Load):
                    self.bound.add(node.id)
            elif isinstance(node, DEF_NODES):
                self.bound.add(node.name)
            elif isinstance(node, ast.arg):
                self.bound.add(node.arg)
            elif isinstance(getattr(node, 'name', None), str) and \
                    isinstance(node, ast.ExceptHandler):
                self.bound.add(node.name)

    def resolve(self, node: ast.AST) -> Optional[str]:
        """Return the dotted name an expression refers to, or None."""
        parts = []  # type: List[str]
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        base = self.aliases.get(node.id)
        if base is None:
            if node.id in self.bound:
                return None
            base = 'builtins.' + node.id
        parts.append(base)
        return '.'.join(reversed(parts))

    def root_name(self, node: ast.AST) -> Optional[str]:
        """Return the leftmost name of an attribute chain."""
        while isinstance(node, ast.Attribute):
            node = node.value
        return node.id if isinstance(node, ast.Name) else None


def short_name(dotted: str) -> str:
    """Drop the "builtins." prefix of a dotted name."""
    if dotted.startswith('builtins.'):
        return dotted[len('builtins.'):]
    return dotted


# --------------------------------------------------------------------------
# Syntax that Python 3.7 cannot compile
# --------------------------------------------------------------------------

def since_from_message(message: str) -> Optional[str]:
    """Read "3.X" out of "... only supported in Python 3.X and greater"."""
    marker = 'only supported in Python '
    index = message.find(marker)
    if index < 0:
        return None
    words = message[index + len(marker):].split()
    return words[0] if words else None


class Compat37Finder:
    """Find syntax the normal parse accepts but Python 3.7 rejects.

    ``ast.parse(feature_version=(3, 7))`` is best effort, so the tree of the
    normal parse is walked as well.
    """

    def __init__(self, tree: ast.AST, src: Source) -> None:
        """Remember the tree and its source."""
        self.tree = tree
        self.src = src
        self.problems = []  # type: List[JSON]

    def add(self, node: ast.AST, message: str, since: str) -> None:
        """Record one problem at a node."""
        fact = self.src.where(node)
        fact.update({'message': message, 'text': None, 'since': since})
        self.problems.append(fact)

    def run(self) -> List[JSON]:
        """Walk the tree; return the problems sorted by position."""
        stack = [(self.tree, False, 'module')]
        while stack:
            node, in_finally, scope = stack.pop()
            self.check(node, in_finally, scope)
            children = self.children(node, in_finally, scope)
            stack.extend(reversed(children))
        self.problems.sort(key=lambda p: (p['line'], p['column']))
        return self.problems

    def children(self, node: ast.AST, in_finally: bool,
                 scope: str) -> List[Tuple[ast.AST, bool, str]]:
        """Return the child nodes with their (in_finally, scope) context."""
        out = []  # type: List[Tuple[ast.AST, bool, str]]
        if isinstance(node, COMPREHENSION_NODES):
            inner = 'comp_async' if self.comp_is_async(node) else 'comp'
            first = node.generators[0].iter
            for _, value in ast.iter_fields(node):
                for child in self.as_list(value):
                    if isinstance(child, ast.comprehension):
                        for part in ast.iter_child_nodes(child):
                            context = scope if part is first else inner
                            out.append((part, False, context))
                    else:
                        out.append((child, False, inner))
            return out
        for field, value in ast.iter_fields(node):
            context = (in_finally, scope)
            if isinstance(node, FUNCTION_NODES) and field == 'body':
                kind = 'async' if isinstance(
                    node, ast.AsyncFunctionDef) else 'function'
                context = (False, kind)
            elif isinstance(node, ast.Lambda) and field == 'body':
                context = (False, 'function')
            elif isinstance(node, ast.ClassDef) and field == 'body':
                context = (False, 'class')
            elif isinstance(node, LOOP_NODES) and field == 'body':
                context = (False, scope)
            elif field == 'finalbody':
                context = (True, scope)
            for child in self.as_list(value):
                out.append((child, context[0], context[1]))
        return out

    @staticmethod
    def as_list(value: Any) -> List[ast.AST]:
        """Return the AST nodes held by a field value."""
        if isinstance(value, ast.AST):
            return [value]
        if isinstance(value, list):
            return [item for item in value if isinstance(item, ast.AST)]
        return []

    @staticmethod
    def comp_is_async(node: ast.AST) -> bool:
        """Tell whether a comprehension is asynchronous (async for/await)."""
        if any(gen.is_async for gen in node.generators):
            return True
        first = node.generators[0].iter
        stack = [child for child in ast.iter_child_nodes(node)
                 if child is not first]
        while stack:
            item = stack.pop()
            if isinstance(item, ast.comprehension):
                stack.extend(child for child in ast.iter_child_nodes(item)
                             if child is not first)
                continue
            if isinstance(item, ast.Await):
                return True
            if isinstance(item, SCOPE_NODES):
                continue
            if isinstance(item, COMPREHENSION_NODES):
                stack.append(item.generators[0].iter)
                continue
            stack.extend(ast.iter_child_nodes(item))
        return False

    def check(self, node: ast.AST, in_finally: bool, scope: str) -> None:
        """Check one node for syntax that Python 3.7 lacks."""
        named_expr = getattr(ast, 'NamedExpr', None)
        if named_expr is not None and isinstance(node, named_expr):
            self.add(node, 'assignment expressions (:=) need Python 3.8',
                     '3.8')
        elif isinstance(node, ast.arguments):
            self.check_arguments(node)
        elif isinstance(node, DEF_NODES):
            self.check_definition(node)
        elif isinstance(node, ast.Subscript):
            index = slice_of(node)
            if isinstance(index, ast.Starred) or (
                    isinstance(index, ast.Tuple) and
                    any(isinstance(e, ast.Starred) for e in index.elts)):
                self.add(node, 'star-expressions in an index (a[*b]) need '
                         'Python 3.11', '3.11')
        elif isinstance(node, (ast.Return, ast.Yield, ast.AnnAssign)):
            if self.unparenthesized_star_tuple(node.value):
                what = {ast.Return: 'return', ast.Yield: 'yield',
                        ast.AnnAssign: 'an annotated assignment'}
                self.add(node.value, 'unparenthesized star-expressions in %s'
                         ' need Python 3.8' % what[type(node)], '3.8')
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            if self.unparenthesized_star_tuple(node.iter):
                self.add(node.iter, 'unparenthesized star-expressions after'
                         ' "for ... in" need Python 3.9', '3.9')
        elif isinstance(node, ast.Continue):
            if in_finally:
                self.add(node, "'continue' inside a 'finally' clause needs "
                         "Python 3.8", '3.8')
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            self.check_with(node)
        elif isinstance(node, ast.JoinedStr):
            self.check_fstring(node)
        elif isinstance(node, ast.ExceptHandler):
            if isinstance(node.type, ast.Tuple) and \
                    not self.src.is_parenthesized(node.type):
                self.add(node.type, 'several exception types without '
                         'parentheses need Python 3.14', '3.14')
        elif isinstance(node, COMPREHENSION_NODES):
            if scope == 'comp' and self.comp_is_async(node) and \
                    not isinstance(node, ast.GeneratorExp):
                self.add(node, 'an asynchronous comprehension inside '
                         'another comprehension needs Python 3.11', '3.11')
        else:
            self.check_new_nodes(node)

    def check_new_nodes(self, node: ast.AST) -> None:
        """Check statements and expressions that newer Pythons added."""
        newer = (('Match', 'match statements need Python 3.10', '3.10'),
                 ('TryStar', 'except* needs Python 3.11', '3.11'),
                 ('TypeAlias', 'type alias statements need Python 3.12',
                  '3.12'),
                 ('TemplateStr', 't-strings need Python 3.14', '3.14'))
        for class_name, message, since in newer:
            node_class = getattr(ast, class_name, None)
            if node_class is not None and isinstance(node, node_class):
                self.add(node, message, since)

    def check_arguments(self, node: ast.arguments) -> None:
        """Check parameter lists."""
        posonly = getattr(node, 'posonlyargs', None)
        if posonly:
            self.add(posonly[0], 'positional-only parameters (/) need '
                     'Python 3.8', '3.8')
        if node.vararg is not None and \
                isinstance(node.vararg.annotation, ast.Starred):
            self.add(node.vararg.annotation, 'star annotations on *args '
                     'need Python 3.11', '3.11')

    def check_definition(self, node: ast.AST) -> None:
        """Check generic parameters and decorators of def/class."""
        if getattr(node, 'type_params', None):
            self.add(node, 'type parameter lists (def f[T]) need Python '
                     '3.12', '3.12')
        for decorator in node.decorator_list:
            target = decorator
            if isinstance(decorator, ast.Call):
                target = decorator.func
            probe = target
            while isinstance(probe, ast.Attribute):
                probe = probe.value
            simple = isinstance(probe, ast.Name)
            if simple and self.src.tokens is not None:
                index = self.src.token_at.get(self.src.start(decorator))
                if index is not None and index > 0 and \
                        self.src.tokens[index - 1].string != '@':
                    simple = False
            if not simple:
                self.add(decorator, 'decorators that are not a dotted name '
                         'or a call of one need Python 3.9', '3.9')

    def unparenthesized_star_tuple(self, node: Optional[ast.AST]) -> bool:
        """Tell whether node is a bare tuple holding a star-expression."""
        return isinstance(node, ast.Tuple) and \
            any(isinstance(e, ast.Starred) for e in node.elts) and \
            not self.src.is_parenthesized(node)

    def check_with(self, node: ast.AST) -> None:
        """Check for parenthesized context managers that use "as"."""
        tokens = self.src.tokens
        if tokens is None:
            return
        index = self.src.token_at.get(self.src.start(node))
        if index is None:
            return
        if tokens[index].string == 'async':
            index += 1
        index += 1
        if index >= len(tokens) or tokens[index].string != '(':
            return
        closer = self.src.closer.get(index)
        if closer is None or closer + 1 >= len(tokens):
            return
        if tokens[closer + 1].string != ':':
            return
        if any(item.optional_vars is not None for item in node.items):
            self.add(node, 'parenthesized context managers (with (... as '
                     'x, ...):) need Python 3.9', '3.9')

    def check_fstring(self, node: ast.JoinedStr) -> None:
        """Check for self-documenting f-string expressions f"{x=}"."""
        values = node.values
        for index in range(1, len(values)):
            item = values[index]
            before = values[index - 1]
            if not isinstance(item, ast.FormattedValue) or \
                    not is_str_constant(before):
                continue
            text = before.value.rstrip()
            if not text.endswith('='):
                continue
            end = self.src.end(item.value)
            if end is None:
                continue
            segment = self.src.segment(item.value)
            if not segment or not text[:-1].rstrip().endswith(segment):
                continue
            line, column = end
            rest = self.src.lines[line - 1][column:] \
                if line <= len(self.src.lines) else ''
            rest = rest.lstrip()
            if rest.startswith('=') and not rest.startswith('=='):
                self.add(item.value, 'self-documenting f-string expressions'
                         ' (f"{x=}") need Python 3.8', '3.8')


def feature_version_error(text: str, name: str) -> Optional[JSON]:
    """Parse with feature_version=(3, 7); return the error, if any."""
    if not HAS_END_POSITIONS:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            ast.parse(text, name, feature_version=(3, 7))
    except SyntaxError as exc:
        line_text = exc.text
        if isinstance(line_text, str):
            line_text = line_text.rstrip('\r\n')
        message = exc.msg or str(exc)
        return {'line': exc.lineno, 'column': exc.offset,
                'message': message, 'text': line_text,
                'since': since_from_message(message)}
    return None


def compat37_error(tree: ast.AST, src: Source, name: str) -> Optional[JSON]:
    """Return the first piece of syntax Python 3.7 cannot compile."""
    if not HAS_END_POSITIONS:
        return None  # under 3.7 itself the normal parse already decides
    problems = Compat37Finder(tree, src).run()
    fv_error = feature_version_error(src.text, name)
    if fv_error is not None:
        paren_with = 'Parenthesized context managers' in fv_error['message']
        confirmed = any(p['since'] == '3.9' and 'context managers' in
                        p['message'] for p in problems)
        line = fv_error['line'] or 0
        if paren_with and not confirmed:
            fv_error = None  # "with (a, b):" compiles on 3.7 (a tuple)
        elif any(p['line'] <= line for p in problems):
            fv_error = None  # ours is at least as early and has "since"
    if fv_error is not None:
        return fv_error
    return problems[0] if problems else None


# --------------------------------------------------------------------------
# API that Python 3.7 lacks
# --------------------------------------------------------------------------

class CompatApiFinder:
    """Find uses of standard-library API and typing syntax 3.7 lacks."""

    def __init__(self, tree: ast.AST, src: Source, resolver: Resolver,
                 tables: JSON) -> None:
        """Remember the inputs."""
        self.tree = tree
        self.src = src
        self.resolver = resolver
        self.tables = tables
        self.found = []  # type: List[JSON]
        self.seen = set()  # type: Set[Tuple[int, int, str]]
        self.flagged_imports = set()  # type: Set[str]
        self.future_annotations = any(
            isinstance(node, ast.ImportFrom) and
            node.module == '__future__' and
            any(alias.name == 'annotations' for alias in node.names)
            for node in getattr(tree, 'body', []))

    def add(self, node: ast.AST, name: str, since: str,
            detail: str) -> None:
        """Record one use (once per position and name)."""
        fact = self.src.where(node)
        key = (fact['line'], fact['column'], name)
        if key in self.seen:
            return
        self.seen.add(key)
        fact.update({'name': name, 'since': since, 'detail': detail})
        self.found.append(fact)

    def run(self) -> List[JSON]:
        """Scan the tree; return the uses sorted by position."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                self.check_import(node)
            elif isinstance(node, ast.ImportFrom):
                self.check_import_from(node)
        for node in ast.walk(self.tree):
            if isinstance(node, (ast.Name, ast.Attribute)):
                self.check_reference(node)
            elif isinstance(node, ast.Call):
                self.check_call(node)
        self.scan_typing()
        self.found.sort(key=lambda f: (f['line'], f['column']))
        return self.found

    def module_since(self, dotted: str) -> Optional[Tuple[str, str]]:
        """Return (module, since) if dotted is (inside) a new module."""
        parts = dotted.split('.')
        for count in range(1, len(parts) + 1):
            module = '.'.join(parts[:count])
            since = self.tables['modules'].get(module)
            if since is not None:
                return module, since
        return None

    def check_import(self, node: ast.Import) -> None:
        """Flag "import newmodule"."""
        for alias in node.names:
            hit = self.module_since(alias.name)
            if hit is not None:
                module, since = hit
                place = alias if getattr(alias, 'lineno', None) else node
                self.add(place, module, since,
                         'module %s was added in Python %s; Python 3.7 '
                         'raises ModuleNotFoundError' % (module, since))

    def check_import_from(self, node: ast.ImportFrom) -> None:
        """Flag "from newmodule import x" and "from module import new"."""
        if node.level or not node.module:
            return
        hit = self.module_since(node.module)
        if hit is not None:
            module, since = hit
            self.add(node, module, since,
                     'module %s was added in Python %s; Python 3.7 raises '
                     'ModuleNotFoundError' % (module, since))
            return
        for alias in node.names:
            dotted = node.module + '.' + alias.name
            place = alias if getattr(alias, 'lineno', None) else node
            hit = self.module_since(dotted)
            if hit is not None:
                self.add(place, hit[0], hit[1],
                         'module %s was added in Python %s; Python 3.7 '
                         'raises ImportError' % hit)
                continue
            since = self.tables['attributes'].get(dotted)
            if since is None:
                continue
            self.flagged_imports.add(alias.asname or alias.name)
            self.add(place, short_name(dotted), since,
                     '%s was added in Python %s; Python 3.7 raises '
                     "ImportError: cannot import name '%s' from '%s'"
                     % (dotted, since, alias.name, node.module))

    def check_reference(self, node: ast.AST) -> None:
        """Flag a name or attribute chain that means new API."""
        if not isinstance(getattr(node, 'ctx', None), ast.Load):
            return
        if self.resolver.root_name(node) in self.flagged_imports:
            return
        dotted = self.resolver.resolve(node)
        if dotted is None:
            return
        since = self.tables['attributes'].get(dotted)
        if since is None:
            return
        if dotted.startswith('builtins.'):
            error = "NameError: name '%s' is not defined" % short_name(
                dotted)
        else:
            module, _, attribute = dotted.rpartition('.')
            error = "AttributeError: module '%s' has no attribute '%s'" % (
                module, attribute)
        self.add(node, short_name(dotted), since,
                 '%s was added in Python %s; Python 3.7 raises %s'
                 % (short_name(dotted), since, error))

    def check_call(self, node: ast.Call) -> None:
        """Flag new methods and new keyword arguments."""
        func = node.func
        if isinstance(func, ast.Attribute):
            method = self.tables['methods'].get(func.attr)
            if method is not None:
                self.add(node, method['name'], method['since'],
                         '%s() was added in Python %s; Python 3.7 raises '
                         "AttributeError: ... has no attribute '%s'"
                         % (method['name'], method['since'], func.attr))
        names = [kw.arg for kw in node.keywords if kw.arg]
        if not names:
            return
        table = self.tables['keyword_arguments']
        dotted = self.resolver.resolve(func)
        entry = table.get(dotted) if dotted else None
        label = short_name(dotted) if dotted else ''
        if entry is None and isinstance(func, ast.Attribute):
            entry = table.get('.' + func.attr)
            label = '.' + func.attr
        if entry is None:
            return
        for keyword_name in names:
            since = entry.get(keyword_name)
            if since is not None:
                self.add(node, '%s(%s=)' % (label, keyword_name), since,
                         '%s() accepts %s= only since Python %s; Python 3.7'
                         ' raises TypeError' % (label, keyword_name, since))

    # -- typing syntax evaluated at run time ------------------------------

    def generic_entry(self, node: ast.AST) -> Optional[Tuple[str, JSON]]:
        """Return (dotted, entry) if node is a subscripted class 3.7 lacks."""
        if not isinstance(node, ast.Subscript):
            return None
        dotted = self.resolver.resolve(node.value)
        if dotted is None:
            return None
        entry = self.tables['subscriptable'].get(dotted)
        if entry is None:
            return None
        return dotted, entry

    def type_like(self, node: ast.AST) -> bool:
        """Tell whether an expression obviously denotes a type."""
        if isinstance(node, ast.Constant) and node.value is None:
            return True
        if sys.version_info < (3, 8) and \
                isinstance(node, ast.NameConstant) and node.value is None:
            return True
        if isinstance(node, ast.Subscript):
            return self.type_like(node.value)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return self.type_like(node.left) and self.type_like(node.right)
        if isinstance(node, (ast.Name, ast.Attribute)):
            dotted = self.resolver.resolve(node)
            if dotted is None:
                return False
            return dotted in BUILTIN_TYPES or dotted.startswith('typing.') \
                or dotted in self.tables['subscriptable']
        return False

    def report_generic(self, node: ast.AST, dotted: str, entry: JSON,
                       moment: Optional[str]) -> None:
        """Record a subscripted builtin/stdlib class."""
        text = self.src.segment(node)
        meta = 'ABCMeta' if dotted.startswith('collections.abc.') \
            else 'type'
        fix = 'use %s' % entry.get('typing', 'typing')
        if moment is not None:
            fix += ' or add `from __future__ import annotations`'
        self.add(node, short_name(dotted) + '[...]', entry['since'],
                 "%s is evaluated %s; Python 3.7 raises TypeError: '%s' "
                 'object is not subscriptable (%s)'
                 % (text, ANNOTATION_MOMENT[moment], meta, fix))

    def report_union(self, node: ast.AST, moment: Optional[str]) -> None:
        """Record an "X | Y" union of types."""
        text = self.src.segment(node)
        fix = 'use typing.Union[...] or typing.Optional[...]'
        if moment is not None:
            fix += ' or add `from __future__ import annotations`'
        self.add(node, 'X | Y', '3.10',
                 '%s is evaluated %s; Python 3.7 raises TypeError: '
                 'unsupported operand type(s) for | (%s)'
                 % (text, ANNOTATION_MOMENT[moment], fix))

    def scan_typing(self) -> None:
        """Find builtin generics and unions that 3.7 would evaluate."""
        evaluate = not self.future_annotations
        # entries: (node, scope, moment, in_union); moment None = ordinary
        stack = [(self.tree, 'module', None, False)]
        while stack:
            node, scope, moment, in_union = stack.pop()
            if moment is not None and is_str_constant(node):
                continue  # string annotations are never evaluated
            if isinstance(node, FUNCTION_NODES) and moment is None:
                stack.extend(self.function_parts(node, scope, evaluate))
                continue
            if isinstance(node, ast.ClassDef) and moment is None:
                for child in node.decorator_list + node.bases + [
                        kw.value for kw in node.keywords]:
                    stack.append((child, scope, None, False))
                for child in node.body:
                    stack.append((child, 'class', None, False))
                continue
            if isinstance(node, ast.Lambda):
                for child in node.args.defaults + [
                        d for d in node.args.kw_defaults if d is not None]:
                    stack.append((child, scope, moment, in_union))
                stack.append((node.body, 'function', moment, in_union))
                continue
            if isinstance(node, ast.AnnAssign) and moment is None:
                for child in (node.target, node.value):
                    if child is not None:
                        stack.append((child, scope, None, False))
                if evaluate and scope in ('module', 'class'):
                    stack.append((node.annotation, scope, scope, False))
                continue
            generic = self.generic_entry(node)
            if generic is not None:
                self.report_generic(node, generic[0], generic[1], moment)
                continue
            if isinstance(node, ast.BinOp) and \
                    isinstance(node.op, ast.BitOr) and not in_union and \
                    (moment is not None or self.type_like(node)):
                self.report_union(node, moment)
                stack.append((node.left, scope, moment, True))
                stack.append((node.right, scope, moment, True))
                continue
            for child in ast.iter_child_nodes(node):
                stack.append((child, scope, moment, in_union))

    @staticmethod
    def function_parts(node: ast.AST, scope: str, evaluate: bool
                       ) -> List[Tuple[ast.AST, str, Optional[str], bool]]:
        """Split a def into ordinary parts, annotations and body."""
        parts = []  # type: List[Tuple[ast.AST, str, Optional[str], bool]]
        args = node.args
        for child in node.decorator_list + args.defaults + [
                d for d in args.kw_defaults if d is not None]:
            parts.append((child, scope, None, False))
        if evaluate:
            every = list(getattr(args, 'posonlyargs', [])) + args.args + \
                args.kwonlyargs + [a for a in (args.vararg, args.kwarg)
                                   if a is not None]
            annotations = [a.annotation for a in every
                           if a.annotation is not None]
            if node.returns is not None:
                annotations.append(node.returns)
            for child in annotations:
                parts.append((child, scope, 'function', False))
        for child in node.body:
            parts.append((child, 'function', None, False))
        return parts


# --------------------------------------------------------------------------
# Definitions, sorting evidence, blocking calls
# --------------------------------------------------------------------------

def own_nodes(definition: ast.AST
              ) -> Iterator[Tuple[ast.AST, Tuple[ast.AST, ...]]]:
    """Yield (node, ancestors) for the body of a def, not nested defs.

    Decorators and default values of a nested def (and bases of a nested
    class) are evaluated by the enclosing def, so they are included.
    """
    stack = [(child, ()) for child in reversed(definition.body)]
    while stack:
        node, ancestors = stack.pop()
        yield node, ancestors
        if isinstance(node, ast.ClassDef):
            children = node.decorator_list + node.bases + [
                kw.value for kw in node.keywords]
        elif isinstance(node, FUNCTION_NODES):
            children = node.decorator_list + node.args.defaults + [
                d for d in node.args.kw_defaults if d is not None]
        else:
            children = list(ast.iter_child_nodes(node))
        inner = ancestors + (node,)
        for child in reversed(children):
            stack.append((child, inner))


def subscript_key(node: ast.AST) -> Optional[Tuple[str, str]]:
    """Return a comparable (container, index) key of a subscript."""
    if not isinstance(node, ast.Subscript):
        return None
    return ast.dump(node.value), ast.dump(slice_of(node))


def is_swap(node: ast.AST) -> bool:
    """Tell whether node is "a[i], a[j] = a[j], a[i]"."""
    if not isinstance(node, ast.Assign) or len(node.targets) != 1:
        return False
    target, value = node.targets[0], node.value
    if not isinstance(target, (ast.Tuple, ast.List)) or \
            not isinstance(value, (ast.Tuple, ast.List)):
        return False
    if len(target.elts) != 2 or len(value.elts) != 2:
        return False
    keys = [subscript_key(e) for e in target.elts + value.elts]
    if any(key is None for key in keys):
        return False
    left, right, first, second = keys
    return left == second and right == first and left != right and \
        left[0] == right[0]


def single_assign(node: ast.AST) -> Optional[Tuple[ast.AST, ast.AST]]:
    """Return (target, value) of "target = value", else None."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        return node.targets[0], node.value
    return None


def temp_swap_at(body: List[ast.AST], index: int) -> bool:
    """Tell whether body[index:index + 3] swaps two items via a temp."""
    if index + 3 > len(body):
        return False
    first, second, third = (single_assign(s) for s in body[index:index + 3])
    if first is None or second is None or third is None:
        return False
    temp, item_a = first
    if not isinstance(temp, ast.Name):
        return False
    key_a = subscript_key(item_a)
    key_a2 = subscript_key(second[0])
    key_b = subscript_key(second[1])
    key_b2 = subscript_key(third[0])
    return key_a is not None and key_b is not None and key_a == key_a2 \
        and key_b == key_b2 and key_a != key_b and key_a[0] == key_b[0] \
        and isinstance(third[1], ast.Name) and third[1].id == temp.id


class DefScanner:
    """Collect def/async def/class facts with their sorting evidence."""

    def __init__(self, tree: ast.AST, src: Source, resolver: Resolver,
                 tables: JSON) -> None:
        """Remember the inputs."""
        self.tree = tree
        self.src = src
        self.resolver = resolver
        self.blocking = set(tables.get('blocking_calls', ['time.sleep']))

    def run(self) -> List[JSON]:
        """Return the facts of every definition, in source order."""
        found = []  # type: List[Tuple[Position, JSON]]
        stack = [(self.tree, ())]  # type: List[Tuple[ast.AST, tuple]]
        while stack:
            node, scope = stack.pop()
            for child in ast.iter_child_nodes(node):
                if isinstance(child, DEF_NODES):
                    found.append((self.src.start(child),
                                  self.describe(child, scope)))
                    stack.append((child, scope + (child,)))
                else:
                    stack.append((child, scope))
        found.sort(key=lambda item: item[0])
        return [fact for _, fact in found]

    def describe(self, node: ast.AST, scope: Tuple[ast.AST, ...]) -> JSON:
        """Return the facts of one definition."""
        if isinstance(node, ast.ClassDef):
            kind = 'class'
        elif isinstance(node, ast.AsyncFunctionDef):
            kind = 'coroutine'
        else:
            kind = 'function'
        fact = {'kind': kind, 'name': node.name,
                'qualname': '.'.join([s.name for s in scope] + [node.name])}
        fact.update(self.src.where(node))
        fact.update({
            'depth': len(scope),
            'in_class': bool(scope) and isinstance(scope[-1], ast.ClassDef),
            'docstring': ast.get_docstring(node, clean=True),
            'params': [] if kind == 'class' else self.params(node.args),
            'returns_annotated': kind == 'class' or node.returns is not None,
            'decorators': [self.src.segment(d) for d in node.decorator_list],
        })
        fact['sorting'], fact['blocking_calls'] = self.body_facts(node)
        return fact

    def params(self, args: ast.arguments) -> List[JSON]:
        """Return the facts of every parameter."""
        posonly = list(getattr(args, 'posonlyargs', []))
        positional = posonly + list(args.args)
        missing = len(positional) - len(args.defaults)
        defaults = [None] * missing + list(args.defaults)
        out = []
        for index, arg in enumerate(positional):
            kind = 'posonly' if index < len(posonly) else 'positional'
            out.append(self.param(arg, kind, defaults[index]))
        if args.vararg is not None:
            out.append(self.param(args.vararg, 'vararg', None))
        for arg, default in zip(args.kwonlyargs, args.kw_defaults):
            out.append(self.param(arg, 'kwonly', default))
        if args.kwarg is not None:
            out.append(self.param(args.kwarg, 'kwarg', None))
        return out

    def param(self, arg: ast.arg, kind: str,
              default: Optional[ast.AST]) -> JSON:
        """Return the facts of one parameter."""
        fact = {'name': arg.arg, 'kind': kind,
                'annotated': arg.annotation is not None}
        fact.update(self.src.where(arg))
        fact['default'] = None
        if default is not None:
            try:
                value = to_jsonable(ast.literal_eval(default))
                fact['default'] = {'literal': value}
            except (ValueError, TypeError, SyntaxError, NotJsonable,
                    MemoryError, RecursionError):
                fact['default'] = {'source': self.src.segment(default)}
        return fact

    def body_facts(self, node: ast.AST) -> Tuple[List[JSON], List[JSON]]:
        """Return (sorting evidence, blocking calls) of a def's own body."""
        sorting = []  # type: List[JSON]
        blocking = []  # type: List[JSON]
        nodes = list(own_nodes(node))
        order_in_loop = any(
            isinstance(n, ast.Compare) and
            any(isinstance(op, ORDER_OPS) for op in n.ops) and
            any(isinstance(a, LOOP_NODES) for a in anc)
            for n, anc in nodes)
        removals = set(
            ast.dump(n.func.value) for n, _ in nodes
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            and n.func.attr in ('remove', 'pop'))
        swap_parts = set()  # type: Set[int]

        def add(place: ast.AST, what: str) -> None:
            fact = self.src.where(place)
            fact['what'] = what
            sorting.append(fact)

        for stmt_list in self.statement_lists(node, nodes):
            for index in range(len(stmt_list)):
                if temp_swap_at(stmt_list, index):
                    add(stmt_list[index],
                        'hand-written sort (swap of list items)')
                    swap_parts.update(id(s) for s in
                                      stmt_list[index:index + 3])
        for item, ancestors in nodes:
            in_loop = any(isinstance(a, LOOP_NODES) for a in ancestors)
            if is_swap(item):
                add(item, 'hand-written sort (swap of list items)')
            elif isinstance(item, ast.Assign) and in_loop and \
                    id(item) not in swap_parts:
                pair = single_assign(item)
                left = subscript_key(pair[0]) if pair else None
                right = subscript_key(pair[1]) if pair else None
                if left and right and left[0] == right[0] and left != right:
                    add(item, 'hand-written sort (shift of list items)')
            if not isinstance(item, ast.Call):
                continue
            self.call_facts(item, add, blocking, order_in_loop, removals)
        sorting.sort(key=lambda f: (f['line'], f['column']))
        blocking.sort(key=lambda f: (f['line'], f['column']))
        return sorting, blocking

    @staticmethod
    def statement_lists(node: ast.AST, nodes: List[Tuple[ast.AST, tuple]]
                        ) -> Iterator[List[ast.AST]]:
        """Yield every statement list of the def's own body."""
        yield node.body
        for item, _ in nodes:
            if isinstance(item, DEF_NODES):
                continue
            for _, value in ast.iter_fields(item):
                if isinstance(value, list) and value and \
                        isinstance(value[0], ast.stmt):
                    yield value

    def call_facts(self, call: ast.Call, add: Any, blocking: List[JSON],
                   order_in_loop: bool, removals: Set[str]) -> None:
        """Record sorting evidence and blocking calls of one call."""
        dotted = self.resolver.resolve(call.func)
        func = call.func
        if dotted == 'builtins.sorted':
            add(call, 'sorted()')
        elif dotted is not None and (dotted.startswith('heapq.') or
                                     dotted.startswith('bisect.')):
            add(call, dotted)
        elif isinstance(func, ast.Attribute) and func.attr == 'sort':
            add(call, '.sort()')
        elif isinstance(func, ast.Attribute) and func.attr == 'insert' \
                and len(call.args) == 2 and order_in_loop:
            add(call, 'hand-written sort (insertion at a compared '
                'position)')
        elif dotted in ('builtins.min', 'builtins.max') and \
                len(call.args) == 1 and \
                ast.dump(call.args[0]) in removals:
            add(call, 'min()/pop selection sort')
        if dotted in self.blocking:
            fact = self.src.where(call)
            fact['name'] = dotted
            blocking.append(fact)


# --------------------------------------------------------------------------
# Mode "full"
# --------------------------------------------------------------------------

def empty_full_facts() -> JSON:
    """Return FileFacts with every key present and nothing found."""
    return {'syntax_error': None, 'compat37_error': None, 'compat_api': [],
            'module_doc': None, 'defs': [], 'facts_error': None}


def full_mode(name: str, data: bytes, tables: JSON) -> JSON:
    """Return every fact about one file."""
    facts = empty_full_facts()
    text, problem = decode_source(data)
    if problem is not None or text is None:
        facts['syntax_error'] = problem
        return facts
    facts['syntax_error'] = compile_check(name, text)
    try:
        src = Source(text)
        tree = None  # type: Optional[ast.AST]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                tree = ast.parse(text, name)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            tree = None
        if tree is None:
            return facts
        if facts['syntax_error'] is None:
            facts['compat37_error'] = compat37_error(tree, src, name)
        resolver = Resolver(tree)
        facts['compat_api'] = CompatApiFinder(tree, src, resolver,
                                              tables).run()
        doc = ast.get_docstring(tree, clean=True)
        if doc is not None:
            facts['module_doc'] = {'text': doc,
                                   'line': src.start(tree.body[0])[0]}
        facts['defs'] = DefScanner(tree, src, resolver, tables).run()
    except Exception as exc:  # keep going with the other files
        facts['facts_error'] = '%s: %s' % (type(exc).__name__, exc)
    return facts


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
