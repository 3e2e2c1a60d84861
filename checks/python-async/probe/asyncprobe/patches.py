"""Replace time, random and asyncio.sleep with recording, clock-driven twins.

:func:`install` must run before any student module is imported, so that
``from time import perf_counter`` or ``from asyncio import sleep`` in the
student's code binds the replacements.  :func:`tampered` tells afterwards
which replacements the student's code has overwritten.
"""

import asyncio
import math
import numbers
import sys
import time
import random
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from .clock import ClockPolicy
from .session import Session

ORIGINAL_SLEEP = asyncio.sleep

_installed = []  # type: List[Tuple[str, Any, str, Any]]


def _put(label: str, owner: Any, attribute: str, value: Any) -> None:
    """Set ``owner.attribute`` and remember it for the tamper check."""
    setattr(owner, attribute, value)
    _installed.append((label, owner, attribute, value))


def tampered() -> List[str]:
    """Name every installed replacement that no longer is in place."""
    names = [label for label, owner, attribute, value in _installed
             if getattr(owner, attribute, None) is not value]
    if not isinstance(asyncio.get_event_loop_policy(), ClockPolicy):
        names.append("asyncio.event_loop_policy")
    return names


def _running_loop() -> bool:
    """Tell whether the calling thread is inside a running event loop."""
    return asyncio.events._get_running_loop() is not None


# -- time ---------------------------------------------------------------------

def install_time(session: Session) -> None:
    """Make the time module read (and sleep on) the session's clock."""
    clock = session.clock

    def reader(name: str, source: Callable[[], float],
               scale: Optional[int]) -> Callable[[], Any]:
        def read() -> Any:
            session.note_time(name, sys._getframe(1))
            value = source()
            return value if scale is None else int(value * scale)
        read.__name__ = read.__qualname__ = name
        read.__doc__ = "Probe clock replacement of time.%s()." % name
        return read

    for name, source, scale in (
            ("time", clock.wall, None),
            ("time_ns", clock.wall, 10 ** 9),
            ("monotonic", clock.monotonic, None),
            ("monotonic_ns", clock.monotonic, 10 ** 9),
            ("perf_counter", clock.monotonic, None),
            ("perf_counter_ns", clock.monotonic, 10 ** 9)):
        if hasattr(time, name):
            _put("time." + name, time, name, reader(name, source, scale))

    def sleep(secs: float) -> None:
        """Probe replacement of time.sleep: blocks on the probe clock."""
        if not isinstance(secs, numbers.Real):
            raise TypeError("'%s' object cannot be interpreted as a number"
                            % type(secs).__name__)
        seconds = float(secs)
        if math.isnan(seconds):
            raise ValueError("Invalid value NaN (not a number)")
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        session.note_blocking(secs, sys._getframe(1), _running_loop())
        clock.block(seconds)

    _put("time.sleep", time, "sleep", sleep)


# -- random -------------------------------------------------------------------

def _whole(value: Any, position: str) -> int:
    """Convert an integral randrange argument like Python 3.7 does."""
    whole = int(value)
    if whole != value:
        raise ValueError("non-integer %s for randrange()" % position)
    return whole


def _pick_range(fraction: float, start: Any, stop: Any, step: Any) -> int:
    """Choose a member of range(start, stop, step) from ``fraction``."""
    if stop is None:
        start, stop = 0, start
    span = range(_whole(start, "arg 1"), _whole(stop, "stop"),
                 _whole(step, "step"))
    if len(span) == 0:
        raise ValueError("empty range for randrange() (%s, %s, %s)"
                         % (start, stop, step))
    return span[int(fraction * len(span))]


def _triangular(fraction: float, low: float, high: float,
                mode: Optional[float]) -> float:
    """random.triangular's formula with ``fraction`` as its draw."""
    u = fraction
    try:
        c = 0.5 if mode is None else (mode - low) / (high - low)
    except ZeroDivisionError:
        return low
    if u > c:
        u, c, low, high = 1.0 - u, 1.0 - c, high, low
    return low + (high - low) * math.sqrt(u * c)


def install_random(session: Session) -> None:
    """Make the random module's functions draw the session's fractions."""

    def record(fn: str, args: Sequence[Any], kwargs: Dict[str, Any],
               value: Any, fraction: float) -> Any:
        session.note_random(fn, args, kwargs, value, fraction,
                            sys._getframe(2))
        return value

    def uniform(a: float, b: float) -> float:
        """Probe replacement of random.uniform."""
        f = session.draw()
        return record("uniform", (a, b), {}, a + (b - a) * f, f)

    def random_() -> float:
        """Probe replacement of random.random."""
        f = session.draw()
        return record("random", (), {}, f, f)

    def randint(a: int, b: int) -> int:
        """Probe replacement of random.randint."""
        f = session.draw()
        return record("randint", (a, b), {}, _pick_range(f, a, b + 1, 1), f)

    def randrange(start: int, stop: Optional[int] = None,
                  step: int = 1) -> int:
        """Probe replacement of random.randrange."""
        f = session.draw()
        value = _pick_range(f, start, stop, step)
        args = (start,) if stop is None else (start, stop)
        extra = {"step": step} if step != 1 else {}
        return record("randrange", args, extra, value, f)

    def triangular(low: float = 0.0, high: float = 1.0,
                   mode: Optional[float] = None) -> float:
        """Probe replacement of random.triangular."""
        f = session.draw()
        value = _triangular(f, low, high, mode)
        return record("triangular", (low, high, mode), {}, value, f)

    def choice(seq: Sequence[Any]) -> Any:
        """Probe replacement of random.choice."""
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        f = session.draw()
        return record("choice", (seq,), {}, seq[int(f * len(seq))], f)

    for name, function in (("uniform", uniform), ("random", random_),
                           ("randint", randint), ("randrange", randrange),
                           ("triangular", triangular), ("choice", choice)):
        function.__name__ = function.__qualname__ = name
        _put("random." + name, random, name, function)


# -- asyncio ------------------------------------------------------------------

def install_asyncio(session: Session) -> None:
    """Install the clock policy and a recording, remapping asyncio.sleep."""

    async def sleep(delay: float, result: Any = None, **kwargs: Any) -> Any:
        """Probe replacement of asyncio.sleep (records, may remap)."""
        record, actual = session.start_sleep(delay, sys._getframe(1))
        try:
            value = await ORIGINAL_SLEEP(actual, result, **kwargs)
        except BaseException:
            session.end_sleep(record, cancelled=True)
            raise
        session.end_sleep(record, cancelled=False)
        return value

    sleep.__name__ = sleep.__qualname__ = "sleep"
    _put("asyncio.sleep", asyncio, "sleep", sleep)
    _put("asyncio.tasks.sleep", asyncio.tasks, "sleep", sleep)
    reset_policy(session)


def reset_policy(session: Session) -> None:
    """Install a fresh clock policy (a new process would start clean)."""
    asyncio.set_event_loop_policy(ClockPolicy(session.clock))


def install(session: Session) -> None:
    """Install every replacement; call before importing student code."""
    install_time(session)
    install_random(session)
    install_asyncio(session)
