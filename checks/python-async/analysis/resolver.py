"""Resolve names and attribute chains through the imports of a module."""
from __future__ import annotations

import ast
from typing import Dict, List, Optional, Set

from syntax_nodes import DEF_NODES


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
