"""Groups of ast node classes and accessors that differ between Pythons.

Shared by the walks over a file's tree (Python 3.7 syntax, API, defs).
"""
from __future__ import annotations

import ast
import sys

FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)
DEF_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
LOOP_NODES = (ast.For, ast.AsyncFor, ast.While)


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
