"""compat37_error: the first piece of syntax Python 3.7 cannot compile.

Two sources: the parser's feature_version=(3, 7) (best effort) and our
own walk of the normal tree (compat_syntax.py); the earlier one wins.
"""
from __future__ import annotations

import ast
import warnings
from typing import Any, Dict, Optional

from compat_syntax import Compat37Finder
from source_text import HAS_END_POSITIONS, Source

JSON = Dict[str, Any]


def since_from_message(message: str) -> Optional[str]:
    """Read "3.X" out of "... only supported in Python 3.X and greater"."""
    marker = 'only supported in Python '
    index = message.find(marker)
    if index < 0:
        return None
    words = message[index + len(marker):].split()
    return words[0] if words else None


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
