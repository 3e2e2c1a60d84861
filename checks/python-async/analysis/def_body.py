"""A definition's own body, and the statements of a hand-written sort."""
from __future__ import annotations

import ast
from typing import Iterator, List, Optional, Tuple

from syntax_nodes import FUNCTION_NODES, slice_of


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
