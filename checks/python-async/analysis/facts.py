"""Mode "full": assemble the FileFacts of one file from every analysis."""
from __future__ import annotations

import ast
import warnings
from typing import Any, Dict, Optional

from compat import compat37_error
from compat_api import CompatApiFinder
from defs import DefScanner
from parsing import compile_check, decode_source
from resolver import Resolver
from source_text import Source

JSON = Dict[str, Any]


def empty_full_facts() -> JSON:
    """Return FileFacts with every key present and nothing found."""
    return {'syntax_error': None, 'compat37_error': None, 'compat_api': [],
            'module_doc': None, 'defs': [], 'facts_error': None}


def full_mode(name: str, data: bytes, tables: JSON) -> JSON:
    """Return every fact about one file."""
    facts = empty_full_facts()
    text, problem = decode_source(data)
    if problem is not None or text is None:
        facts['syntax_error'] = problem
        return facts
    facts['syntax_error'] = compile_check(name, text)
    try:
        src = Source(text)
        tree = None  # type: Optional[ast.AST]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                tree = ast.parse(text, name)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            tree = None
        if tree is None:
            return facts
        if facts['syntax_error'] is None:
            facts['compat37_error'] = compat37_error(tree, src, name)
        resolver = Resolver(tree)
        facts['compat_api'] = CompatApiFinder(tree, src, resolver,
                                              tables).run()
        doc = ast.get_docstring(tree, clean=True)
        if doc is not None:
            facts['module_doc'] = {'text': doc,
                                   'line': src.start(tree.body[0])[0]}
        facts['defs'] = DefScanner(tree, src, resolver, tables).run()
    except Exception as exc:  # keep going with the other files
        facts['facts_error'] = '%s: %s' % (type(exc).__name__, exc)
    return facts
