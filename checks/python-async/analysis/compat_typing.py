"""Subscripted classes and "X | Y" unions that Python 3.7 would evaluate.

The typing half of CompatApiFinder (compat_api.py), which mixes it in.
"""
from __future__ import annotations

import ast
import sys
from typing import Any, Dict, List, Optional, Tuple

from resolver import short_name
from syntax_nodes import FUNCTION_NODES, is_str_constant

JSON = Dict[str, Any]

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


class TypingSyntaxScan:
    """Find builtin generics and unions where 3.7 evaluates them.

    The class that mixes this in provides tree, src, resolver, tables,
    future_annotations and add(node, name, since, detail).
    """

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
