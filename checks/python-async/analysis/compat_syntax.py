"""Our own walk of the normal tree for syntax that Python 3.7 rejects.

Each node is checked with its context: inside a finally clause, and the
kind of scope (module, function, coroutine, class, comprehension).
"""
from __future__ import annotations

import ast
from typing import Any, Dict, List, Optional, Tuple

from source_text import Source
from syntax_nodes import (DEF_NODES, FUNCTION_NODES, LOOP_NODES,
                          is_str_constant, slice_of)

JSON = Dict[str, Any]

SCOPE_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
               ast.Lambda)
COMPREHENSION_NODES = (ast.ListComp, ast.SetComp, ast.DictComp,
                       ast.GeneratorExp)


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
