"""compat_api: uses of standard-library API that Python 3.7 lacks.

The API comes from the tables of compat_apis.json; the typing syntax
evaluated at run time is found by compat_typing.py.
"""
from __future__ import annotations

import ast
from typing import Any, Dict, List, Optional, Set, Tuple

from compat_typing import TypingSyntaxScan
from resolver import Resolver, short_name
from source_text import Source

JSON = Dict[str, Any]


class CompatApiFinder(TypingSyntaxScan):
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
