"""style_tokens: keyword, lambda parameter and .has_key( positions.

For the style checks, in 0-based character columns as tokenize gives
them (the positions pycodestyle uses).
"""
from __future__ import annotations

import ast
import keyword
import tokenize
from typing import Any, Dict, List, Optional

from source_text import Source

JSON = Dict[str, Any]


def style_tokens(src: Source, tree: Optional[ast.AST]) -> JSON:
    """Return keyword, lambda parameter and .has_key( positions."""
    keywords = []  # type: List[list]
    has_key = []  # type: List[list]
    lambdas = []  # type: List[list]
    tokens = src.tokens or []
    for index, token in enumerate(tokens):
        if token.type != tokenize.NAME:
            continue
        if keyword.iskeyword(token.string):
            keywords.append([token.start[0], token.start[1], token.end[1],
                             token.string])
        elif token.string == 'has_key' and 0 < index < len(tokens) - 1:
            before, after = tokens[index - 1], tokens[index + 1]
            if before.string == '.' and after.string == '(':
                has_key.append([before.start[0], before.start[1]])
    if tree is not None:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Lambda):
                continue
            args = node.args
            every = list(getattr(args, 'posonlyargs', [])) + args.args + \
                args.kwonlyargs + [a for a in (args.vararg, args.kwarg)
                                   if a is not None]
            for arg in every:
                lambdas.append(list(src.start(arg)))
        lambdas.sort()
    return {'keywords': keywords, 'lambda_params': lambdas,
            'has_key_calls': has_key}
