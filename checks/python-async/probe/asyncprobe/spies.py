"""Spies: stand-ins for student functions that record every call.

A spy tells the supervisor when a call begins and ends and what it gave
back; the supervisor stamps and keeps the record.  It replaces a function
in the student's module *before* the next module imports it, so
``wait_random = __import__('0-basic_async_syntax').wait_random`` binds the
spy.  A spy keeps the kind of what it wraps: a coroutine function
stays a coroutine function, a regular function returns exactly what the
original returned.
"""

import asyncio
import functools
import inspect
from typing import Any, Callable, Dict

from .session import CURRENT_SPY, Session

_MISSING = object()


def _note_outcome(session: Session, spy_id: Any, future: Any) -> None:
    """Tell how a Task/Future returned by a spied function ended."""
    outcome = {}  # type: Dict[str, Any]
    if future.cancelled():
        outcome["status"] = "cancelled"
    elif future.exception() is not None:
        outcome["status"] = "exception"
        outcome["exception"] = type(future.exception()).__name__
    else:
        outcome["status"] = "ok"
        outcome["value"] = future.result()
    session.end_spied_task(spy_id, outcome)


def _leave(token: Any) -> None:
    """Leave a spied call: the spy id before it is current again."""
    try:
        CURRENT_SPY.reset(token)
    except ValueError:  # the call ended in another context than it began
        pass


def make_spy(session: Session, name: str, original: Callable) -> Callable:
    """Return a recording stand-in for ``original`` of the same kind."""
    if inspect.iscoroutinefunction(original):
        @functools.wraps(original)
        async def async_spy(*args: Any, **kwargs: Any) -> Any:
            spy_id = session.start_spy(name, args, kwargs)
            token = CURRENT_SPY.set(spy_id)
            try:
                value = await original(*args, **kwargs)
            except BaseException as exc:
                session.end_spy(spy_id, exc=exc)
                raise
            finally:
                _leave(token)
            session.end_spy(spy_id, value=value)
            return value
        async_spy.__probe_spy__ = True  # type: ignore
        return async_spy

    @functools.wraps(original)
    def spy(*args: Any, **kwargs: Any) -> Any:
        spy_id = session.start_spy(name, args, kwargs)
        token = CURRENT_SPY.set(spy_id)
        try:
            value = original(*args, **kwargs)
        except BaseException as exc:
            session.end_spy(spy_id, exc=exc)
            raise
        finally:
            _leave(token)
        session.end_spy(spy_id, value=value)
        if asyncio.isfuture(value):
            value.add_done_callback(
                functools.partial(_note_outcome, session, spy_id))
        return value
    spy.__probe_spy__ = True  # type: ignore
    return spy


def install_spy(session: Session, module: Any, name: str) -> str:
    """Replace ``module.name`` with a spy; tell what happened.

    Returns ``"spied"``, ``"missing"`` or ``"not callable"``.
    """
    original = getattr(module, name, None)
    if original is None and not hasattr(module, name):
        return "missing"
    if not callable(original):
        return "not callable"
    setattr(module, name, make_spy(session, name, original))
    return "spied"


def bind_earlier(session: Session, module: Any, name: str,
                 source: Any) -> str:
    """Tell how ``module`` holds the earlier task's ``name`` from ``source``.

    ``imported``: a global of the module is that function (the spy) or its
    module; ``own``: the module's ``name`` is a function of its own (a copy),
    which then gets a spy of its own, so that its calls are recorded too;
    ``other``: its ``name`` is something else; ``missing``: neither.
    """
    spy = getattr(source, name)
    namespace = vars(module)
    value = namespace.get(name, _MISSING)
    if value is spy:
        return "imported"
    if value is not _MISSING:
        if callable(value):
            install_spy(session, module, name)
            return "own"
        return "other"
    if any(item is spy or item is source for item in namespace.values()):
        return "imported"
    return "missing"
