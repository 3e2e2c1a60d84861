"""Turn Python values, exceptions and functions into JSON-ready facts.

Everything sent to the supervisor goes through :func:`jsonify`, so the
channel only ever carries finite numbers, bounded strings and bounded lists.
"""

import asyncio
import inspect
import math
import os
import traceback
from types import FrameType
from typing import Any, Dict, Iterable, List, Optional, Tuple

MAX_TEXT = 2000
MAX_ITEMS = 1000
MAX_DEPTH = 8
SAFE_INT = 2 ** 53

# Folder prefixes cut out of reprs and messages (the grader's temporary
# copy of the submission means nothing to a student).
_HIDDEN_PREFIXES = []  # type: List[Tuple[str, str]]


def unroot(text: str) -> str:
    """Cut the submission's and the probe's folders out of ``text``."""
    for prefix, replacement in _HIDDEN_PREFIXES:
        text = text.replace(prefix, replacement)
    return text


def safe_repr(value: Any, limit: int = MAX_TEXT) -> str:
    """Return repr(value), bounded, even if the object's __repr__ fails."""
    try:
        text = repr(value)
    except BaseException as exc:  # noqa: B902 - student __repr__ may exit
        text = "<%s object; repr raised %s>" % (
            type(value).__name__, type(exc).__name__)
    return clip(unroot(text), limit)


def clip(text: str, limit: int = MAX_TEXT) -> str:
    """Cut ``text`` to ``limit`` characters, marking the cut."""
    if len(text) <= limit:
        return text
    return text[:limit] + "...[cut]"


def type_name(value: Any) -> str:
    """Return the bare class name of a value (``float``, ``Task``...)."""
    return type(value).__name__


def opaque(value: Any) -> Dict[str, str]:
    """Describe a value JSON cannot hold: its repr and its type."""
    return {"repr": safe_repr(value), "type": type_name(value)}


def jsonify(value: Any, depth: int = 0) -> Any:
    """Convert ``value`` into JSON data without losing its kind.

    Finite floats stay floats and ints stay ints (so ``3`` and ``3.0`` can
    be told apart); lists and tuples become lists, dicts objects with text
    keys; anything else becomes ``{"repr": ..., "type": ...}``.
    """
    kind = type(value)
    if value is None or kind is bool:
        return value
    if kind is int:
        return value if -SAFE_INT <= value <= SAFE_INT else opaque(value)
    if kind is float:
        return value if math.isfinite(value) else opaque(value)
    if kind is str:
        return clip(value)
    if kind in (list, tuple) and depth < MAX_DEPTH:
        return [jsonify(item, depth + 1) for item in value[:MAX_ITEMS]]
    if kind is dict and depth < MAX_DEPTH:
        items = list(value.items())[:MAX_ITEMS]
        return {clip(key if type(key) is str else safe_repr(key), 200):
                jsonify(item, depth + 1) for key, item in items}
    return opaque(value)


def element_types(value: Any) -> Optional[List[str]]:
    """Return the type names of a list's or tuple's items, else None."""
    if type(value) not in (list, tuple):
        return None
    return [type_name(item) for item in value[:MAX_ITEMS]]


class Locator:
    """Knows which source files belong to the submission under test."""

    def __init__(self, root: str, probe_dir: str) -> None:
        """Remember the submission folder and the probe's own folder."""
        self.root = os.path.realpath(root)
        self.probe_dir = os.path.realpath(probe_dir)
        self._cache = {}  # type: Dict[str, bool]
        self._relative = {}  # type: Dict[str, str]
        for folder, shown in ((root, ""), (self.root, ""),
                              (probe_dir, "<probe>/"),
                              (self.probe_dir, "<probe>/")):
            _HIDDEN_PREFIXES.append((folder.rstrip(os.sep) + os.sep, shown))

    def is_student(self, filename: str) -> bool:
        """Tell whether ``filename`` lies inside the submission folder."""
        known = self._cache.get(filename)
        if known is None:
            path = os.path.realpath(filename)
            known = (path.startswith(self.root + os.sep)
                     and not path.startswith(self.probe_dir + os.sep))
            self._cache[filename] = known
        return known

    def relative(self, filename: str) -> str:
        """Return ``filename`` relative to the submission when inside it.

        Remembered: every request names the student's line it comes from.
        """
        known = self._relative.get(filename)
        if known is None:
            known = filename
            if self.is_student(filename):
                known = os.path.relpath(os.path.realpath(filename), self.root)
            self._relative[filename] = known
        return known

    def student_frame(self, frame: Optional[FrameType]
                      ) -> Optional[Tuple[str, int]]:
        """Walk outwards from ``frame`` to the first student frame."""
        while frame is not None:
            filename = frame.f_code.co_filename
            if self.is_student(filename):
                return self.relative(filename), frame.f_lineno
            frame = frame.f_back
        return None

    def where(self, frame: Optional[FrameType]) -> Optional[str]:
        """Return ``"file:line"`` of the nearest student frame, or None."""
        found = self.student_frame(frame)
        return None if found is None else "%s:%d" % found

    def exception(self, exc: BaseException) -> Dict[str, Any]:
        """Describe an exception: type, message, student location, trace."""
        frames = traceback.extract_tb(exc.__traceback__)
        mine = [f for f in frames if self.is_student(f.filename)]
        where = None
        if isinstance(exc, SyntaxError) and exc.filename:
            if self.is_student(exc.filename):
                where = "%s:%s" % (self.relative(exc.filename), exc.lineno)
        if where is None and mine:
            where = "%s:%d" % (self.relative(mine[-1].filename),
                               mine[-1].lineno)
        if where is None:
            where = getattr(exc, "stuck_at", None)
        for summary in mine:
            summary.filename = self.relative(summary.filename)
        lines = traceback.format_list(mine)
        lines += [unroot(line) for line in
                  traceback.format_exception_only(type(exc), exc)]
        return {
            "type": type_name(exc),
            "message": clip(_message(exc)),
            "where": where,
            "traceback": clip("".join(lines), 4000),
        }

    def awaiting(self, tasks: Iterable[Any]) -> Optional[str]:
        """Name the innermost student line the given tasks are waiting at.

        Follows each task's chain of awaited coroutines; of the tasks
        stopped in student code the first location in sorted order is
        returned, so the answer does not depend on set ordering.
        """
        found = []
        for task in tasks:
            coro = getattr(task, "_coro", None)
            where = None
            for _ in range(100):
                if coro is None:
                    break
                frame = (getattr(coro, "cr_frame", None)
                         or getattr(coro, "gi_frame", None))
                if frame is not None and self.is_student(
                        frame.f_code.co_filename):
                    where = "%s:%d" % (self.relative(
                        frame.f_code.co_filename), frame.f_lineno)
                coro = (getattr(coro, "cr_await", None)
                        or getattr(coro, "gi_yieldfrom", None))
            if where is not None:
                found.append(where)
        return min(found) if found else None


def _message(exc: BaseException) -> str:
    """Return str(exc), surviving a failing __str__."""
    try:
        return unroot(str(exc))
    except BaseException:  # noqa: B902 - student __str__ may do anything
        return "<unprintable %s>" % type_name(exc)


def _annotation(value: Any) -> Optional[str]:
    """Format an annotation as written (``int``, ``List[float]``)."""
    if value is inspect.Parameter.empty:
        return None
    try:
        return clip(inspect.formatannotation(value), 200)
    except Exception:
        return safe_repr(value, 200)


def signature_facts(function: Any) -> Dict[str, Any]:
    """Describe a callable's parameters and return annotation."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError) as exc:
        return {"error": "%s: %s" % (type_name(exc), _message(exc))}
    parameters = []
    for parameter in signature.parameters.values():
        default = parameter.default
        parameters.append({
            "name": parameter.name,
            "kind": parameter.kind.name,
            "default": (None if default is inspect.Parameter.empty
                        else safe_repr(default, 200)),
            "annotation": _annotation(parameter.annotation),
        })
    return {
        "parameters": parameters,
        "return_annotation": _annotation(signature.return_annotation),
    }


def function_facts(module: Any, name: str) -> Dict[str, Any]:
    """Describe ``module.name``: does it exist, what kind of callable is it."""
    missing = object()
    function = getattr(module, name, missing)
    if function is missing:
        return {"exists": False}
    facts = {
        "exists": True,
        "callable": callable(function),
        "object_type": type_name(function),
        "isfunction": inspect.isfunction(function),
        "iscoroutinefunction": inspect.iscoroutinefunction(function),
        "asyncio_iscoroutinefunction":
            asyncio.iscoroutinefunction(function),
        "signature": None,
        "defined_in": getattr(function, "__module__", None),
    }  # type: Dict[str, Any]
    if callable(function):
        facts["signature"] = signature_facts(function)
    return facts


def describe_returned(record: Dict[str, Any], returned: Any) -> None:
    """Record what a call returned before it is awaited: a Task, another
    Future, a coroutine, its class, whether it was already done."""
    kind = type(returned)
    is_future = asyncio.isfuture(returned)
    record["is_task"] = isinstance(returned, asyncio.Task)
    record["is_future"] = is_future
    record["is_coroutine"] = asyncio.iscoroutine(returned)
    record["returned_class"] = "%s.%s" % (kind.__module__, kind.__qualname__)
    record["done_when_returned"] = returned.done() if is_future else None


def close_loop(loop: asyncio.AbstractEventLoop,
               passing: Tuple[type, ...] = ()) -> None:
    """Cancel a loop's tasks, let them end, and close the loop.

    Whatever the student's cleanup raises is swallowed, but for the
    exceptions ``passing`` names, which go on (the probe's channel closing).
    """
    try:
        pending = [task for task in asyncio.all_tasks(loop)
                   if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(
                asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
    except passing:
        raise
    except BaseException:  # noqa: B902 - student cleanup may misbehave
        pass
    finally:
        try:
            loop.close()
        except BaseException:  # noqa: B902
            pass
