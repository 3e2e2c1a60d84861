"""The decoded text of one file: positions in characters, and its tokens.

ast gives columns in UTF-8 bytes; every fact reports characters, so all
positions go through Source.
"""
from __future__ import annotations

import ast
import io
import sys
import tokenize
from typing import Any, Dict, List, Optional, Tuple

JSON = Dict[str, Any]
Position = Tuple[int, int]

HAS_END_POSITIONS = sys.version_info >= (3, 8)
LAYOUT_TOKENS = frozenset((tokenize.INDENT, tokenize.DEDENT, tokenize.NL,
                           tokenize.NEWLINE, tokenize.COMMENT,
                           tokenize.ENDMARKER))


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
