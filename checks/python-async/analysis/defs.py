"""defs: every def, async def and class with its parameters and evidence.

The evidence of a def's own body: sorting (sorted(), .sort(), heapq,
bisect, hand-written sorts) and blocking calls such as time.sleep.
"""
from __future__ import annotations

import ast
import math
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple

from def_body import own_nodes, is_swap, single_assign, subscript_key, \
    temp_swap_at
from resolver import Resolver
from source_text import Position, Source
from syntax_nodes import DEF_NODES, LOOP_NODES

JSON = Dict[str, Any]

ORDER_OPS = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)


class NotJsonable(Exception):
    """A literal default value has no JSON representation."""


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


def module_constants(tree: ast.AST) -> Dict[str, Any]:
    """Names the module binds once, at its top level, to a literal.

    A default such as ``max_delay: int = MAX_DELAY`` then has the value the
    name holds when the def runs: a property, not a spelling.  A name bound
    twice (or also by an import, a def, a loop) is no constant.
    """
    bound = {}  # type: Dict[str, int]
    values = {}  # type: Dict[str, Any]
    for statement in getattr(tree, 'body', []):
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                bound[node.id] = bound.get(node.id, 0) + 1
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    name = (alias.asname or alias.name).split('.')[0]
                    bound[name] = bound.get(name, 0) + 1
            elif isinstance(node, DEF_NODES):
                bound[node.name] = bound.get(node.name, 0) + 1
        target = value = None
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign):
            target, value = statement.target, statement.value
        if isinstance(target, ast.Name) and value is not None:
            try:
                values[target.id] = to_jsonable(ast.literal_eval(value))
            except (ValueError, TypeError, SyntaxError, NotJsonable,
                    MemoryError, RecursionError):
                pass
    return {name: value for name, value in values.items()
            if bound.get(name) == 1}


class DefScanner:
    """Collect def/async def/class facts with their sorting evidence."""

    def __init__(self, tree: ast.AST, src: Source, resolver: Resolver,
                 tables: JSON) -> None:
        """Remember the inputs."""
        self.tree = tree
        self.src = src
        self.resolver = resolver
        self.blocking = set(tables.get('blocking_calls', ['time.sleep']))
        self.constants = module_constants(tree)

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
        fact['names'] = used_names(node)
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
        if isinstance(default, ast.Name) and default.id in self.constants:
            fact['default'] = {'literal': self.constants[default.id],
                               'source': default.id}
        elif default is not None:
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


# Enough to tell what a docstring is about; a longer list says no more.
MAX_NAMES = 200


def used_names(node: ast.AST) -> List[str]:
    """Return the names and attributes a definition's code uses, sorted."""
    names = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            names.add(child.id)
        elif isinstance(child, ast.Attribute):
            names.add(child.attr)
    return sorted(names)[:MAX_NAMES]
