"""Replace time, random and asyncio.sleep with twins that ask the supervisor.

:func:`install` must run before any student module is imported, so that
``from time import perf_counter`` or ``from asyncio import sleep`` in the
student's code binds the replacements.  :func:`tampered` tells afterwards
which replacements the student's code has overwritten.
"""

import asyncio
import datetime
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
        session.block(seconds, secs, sys._getframe(1), _running_loop())

    _put("time.sleep", time, "sleep", sleep)
    install_datetime(session)


def install_datetime(session: Session) -> None:
    """Make datetime.now(), utcnow() and today() read the session's clock.

    The C type cannot be changed, so the module's datetime becomes a
    subclass whose readers ask the clock; ``from datetime import datetime``
    in student code binds it.
    """
    clock = session.clock
    real = datetime.datetime

    class ClockDateTime(real):  # type: ignore
        """datetime whose now(), utcnow() and today() follow the clock."""

        @classmethod
        def now(cls, tz: Any = None) -> Any:
            """Probe clock replacement of datetime.now()."""
            session.note_time("datetime.now", sys._getframe(1))
            return cls.fromtimestamp(clock.wall(), tz)

        @classmethod
        def utcnow(cls) -> Any:
            """Probe clock replacement of datetime.utcnow()."""
            session.note_time("datetime.utcnow", sys._getframe(1))
            return cls.utcfromtimestamp(clock.wall())

        @classmethod
        def today(cls) -> Any:
            """Probe clock replacement of datetime.today()."""
            session.note_time("datetime.today", sys._getframe(1))
            return cls.fromtimestamp(clock.wall())

    ClockDateTime.__name__ = ClockDateTime.__qualname__ = "datetime"
    ClockDateTime.__module__ = "datetime"
    _put("datetime.datetime", datetime, "datetime", ClockDateTime)


# -- random -------------------------------------------------------------------

def install_random(session: Session) -> None:
    """Make the random module's functions ask the supervisor for values.

    The supervisor computes each value from a fraction it chose, with the
    formula of the random module, and records the call.
    """

    def ask(fn: str, args: Sequence[Any],
            kwargs: Optional[Dict[str, Any]] = None) -> Any:
        return session.draw(fn, args, kwargs or {}, sys._getframe(2))

    def uniform(a: float, b: float) -> float:
        """Probe replacement of random.uniform."""
        return ask("uniform", (a, b))

    def random_() -> float:
        """Probe replacement of random.random."""
        return ask("random", ())

    def randint(a: int, b: int) -> int:
        """Probe replacement of random.randint."""
        return ask("randint", (a, b))

    def randrange(start: int, stop: Optional[int] = None,
                  step: int = 1) -> int:
        """Probe replacement of random.randrange."""
        args = (start,) if stop is None else (start, stop)
        return ask("randrange", args, {"step": step} if step != 1 else {})

    def triangular(low: float = 0.0, high: float = 1.0,
                   mode: Optional[float] = None) -> float:
        """Probe replacement of random.triangular."""
        return ask("triangular", (low, high, mode))

    def choice(seq: Sequence[Any]) -> Any:
        """Probe replacement of random.choice: the supervisor picks the
        index."""
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[ask("choice", (len(seq),))]

    for name, function in (("uniform", uniform), ("random", random_),
                           ("randint", randint), ("randrange", randrange),
                           ("triangular", triangular), ("choice", choice)):
        function.__name__ = function.__qualname__ = name
        _put("random." + name, random, name, function)


# -- asyncio ------------------------------------------------------------------

def install_asyncio(session: Session) -> None:
    """Install the clock policy and a recording, remapping asyncio.sleep."""

    async def sleep(delay: float, result: Any = None, **kwargs: Any) -> Any:
        """Probe replacement of asyncio.sleep: the supervisor says how long
        it lasts and notes when it began and ended."""
        sleep_id, actual, pending = session.start_sleep(delay,
                                                        sys._getframe(1))
        clock = session.clock
        try:
            if pending:
                value = await clock.defer(sleep_id, result)
            else:
                value = await ORIGINAL_SLEEP(actual, result, **kwargs)
        except BaseException:
            clock.undefer(sleep_id)
            session.end_sleep(sleep_id, cancelled=True)
            raise
        clock.undefer(sleep_id)
        session.end_sleep(sleep_id, cancelled=False)
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
