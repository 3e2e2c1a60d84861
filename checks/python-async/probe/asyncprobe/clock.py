"""The probe's clock and an asyncio event loop running on it.

The grader's supervisor owns time.  In virtual mode the clock shows the
supervisor's virtual time, learnt from its answers: when a loop has nothing
to do but wait, its selector tells the supervisor "I am idle, my own next
timer is in t seconds", and the supervisor moves time on (or declares the
scenario over), so a program that sleeps for minutes finishes in
milliseconds.  In real mode the clock is real elapsed time divided by
``scale`` and the loop really waits ``timeout * scale`` seconds, after asking
the supervisor whether the wait would pass the scenario's deadline; both
modes report numbers in the same units.
"""

import asyncio
import selectors
import threading
import time
import weakref
from typing import Any, Callable, Dict, List, Optional, Tuple, TypeVar

from .channel import Answer, Channel, number

# Captured when the module is imported, before any patching happens.
_real_perf_counter = time.perf_counter
_real_time = time.time
_real_sleep = time.sleep

SelectResult = List[Tuple[selectors.SelectorKey, int]]
T = TypeVar("T")

# A loop that turns this many times without waiting is polling (no burst of
# callbacks at one moment comes near it); then time moves on every
# SPINS_WHILE_POLLING turns, as a real loop's turns take time: by
# FIRST_SPIN_STEP, then twice as much each time, up to SPIN_STEP.
SPINS_BEFORE_TIME = 200
SPINS_WHILE_POLLING = 5
FIRST_SPIN_STEP = 0.0005
SPIN_STEP = 0.008


class Stuck(BaseException):
    """Base of the probe's own interruptions of student code.

    It derives from BaseException so that a student's ``except Exception``
    does not swallow it.  ``stuck_at`` may name the student's code the
    event loop was waiting in (``"file:line"``).
    """

    stuck_at = None  # type: Optional[str]


class ScenarioTimeout(Stuck):
    """Raised when waiting would carry the clock past the scenario deadline.
    """


class Deadlock(Stuck):
    """Raised when an event loop would wait forever (nothing can wake it)."""


class Clock:
    """The single source of time for the patched time functions and loops.

    ``elapsed()`` counts seconds since the probe started: the supervisor's
    virtual seconds in virtual mode, real seconds divided by ``scale`` in
    real mode, leaving out the time spent waiting for the supervisor's
    answers.  Virtual time never goes back, whatever an answer says.
    """

    MONOTONIC_BASE = 1000.0
    VIRTUAL_EPOCH = 1700000000.0
    DEADLOCK_GRACE = 0.25

    def __init__(self, virtual: bool, scale: float,
                 channel: Channel) -> None:
        """Start the clock at elapsed time zero."""
        self.virtual = virtual
        self.scale = scale
        self.channel = channel
        self._elapsed = 0.0
        self._real_start = _real_perf_counter()
        self._paused_before = channel.paused
        self.epoch = self.VIRTUAL_EPOCH if virtual else _real_time()
        self.loops = weakref.WeakSet()  # type: weakref.WeakSet
        self.loops_created = 0
        # Set by the session: names where a loop's tasks are waiting.
        self.locate = None  # type: Optional[Callable[[Any], Optional[str]]]
        # Threads inside a block() (time.sleep run in an executor): each will
        # wake a loop that waits for it, so that loop is no deadlock.
        self.sleepers = 0
        self._sleepers_lock = threading.Lock()
        # Real mode: the most a wait overran what was asked of it, in clock
        # seconds, as this process saw it; the supervisor measures its own.
        self.lateness = 0.0
        # Sleeps whose length the supervisor gives when their loop would
        # wait: id -> [loop, began at, future, result, timer or None].
        self.deferred = {}  # type: Dict[Any, List[Any]]
        channel.listeners.append(self._heard)
        channel.stamp = None if virtual else self.elapsed

    def _heard(self, answer: Answer) -> None:
        """Follow the supervisor's time (virtual mode)."""
        now = number(answer, "now")
        if self.virtual and now is not None and now > self._elapsed:
            self._elapsed = now

    def elapsed(self) -> float:
        """Return the seconds elapsed since the probe started."""
        if self.virtual:
            return self._elapsed
        paused = self.channel.paused - self._paused_before
        return (_real_perf_counter() - self._real_start - paused) / self.scale

    def monotonic(self) -> float:
        """Return the value shown by time.monotonic/perf_counter/loop.time."""
        return self.MONOTONIC_BASE + self.elapsed()

    def wall(self) -> float:
        """Return the value shown by time.time()."""
        return self.epoch + self.elapsed()

    def wait(self, seconds: float) -> None:
        """Ask to wait ``seconds``; raise ScenarioTimeout if it would pass
        the deadline.  Virtual mode: the answer moves the clock on."""
        answer = self.channel.ask("idle", timeout=seconds)
        if answer.get("over"):
            raise ScenarioTimeout(
                "waiting %.3f s would pass the deadline of the scenario"
                % seconds)

    def defer(self, sleep_id: Any, result: Any) -> "asyncio.Future[Any]":
        """Return the future of a sleep whose length comes later."""
        loop = asyncio.get_event_loop()
        future = loop.create_future()
        self.deferred[sleep_id] = [loop, loop.time(), future, result, None]
        return future

    def undefer(self, sleep_id: Any) -> None:
        """Forget a deferred sleep that ended; cancel its timer."""
        entry = self.deferred.pop(sleep_id, None)
        if entry is not None and entry[4] is not None:
            entry[4].cancel()

    def plan(self, loop: asyncio.AbstractEventLoop) -> bool:
        """Ask the lengths of ``loop``'s sleeps that wait for one, and set
        their timers, as asyncio.sleep would have when it began; tell
        whether there were any."""
        ids = [sleep_id for sleep_id, entry in self.deferred.items()
               if entry[0] is loop and entry[4] is None]
        if not ids:
            return False
        lengths = self.channel.ask("plan", ids=ids).get("after")
        for sleep_id in ids:
            entry = self.deferred[sleep_id]
            after = number(lengths, str(sleep_id)) if isinstance(
                lengths, dict) else None
            entry[4] = loop.call_at(entry[1] + max(0.0, after or 0.0),
                                    _wake, entry[2], entry[3])
        return True

    def note_late(self, asked: float, started: float) -> None:
        """Record by how much a real wait of ``asked`` seconds overran."""
        late = self.elapsed() - started - asked
        if late > self.lateness:
            self.lateness = late

    def block(self, seconds: float, details: Dict[str, Any]) -> None:
        """Stall the calling thread for ``seconds`` clock seconds."""
        with self._sleepers_lock:
            self.sleepers += 1
        try:
            answer = self.channel.ask("block", seconds=seconds, **details)
            if answer.get("over"):
                raise ScenarioTimeout(
                    "sleeping %.3f s would pass the deadline of the scenario"
                    % seconds)
            if not self.virtual:
                started = self.elapsed()
                _real_sleep(seconds * self.scale)
                self.note_late(seconds, started)
                self.channel.tell("woke", id=answer.get("id"))
        finally:
            with self._sleepers_lock:
                self.sleepers -= 1


def _wake(future: "asyncio.Future[Any]", result: Any) -> None:
    """End a deferred sleep, unless it was cancelled."""
    if not future.done():
        future.set_result(result)


class ClockSelector(selectors.BaseSelector):
    """A selector that waits on the probe clock instead of the real one."""

    def __init__(self, clock: Clock) -> None:
        """Wrap the platform's default selector."""
        self._clock = clock
        self._real = selectors.DefaultSelector()
        self.loop = None  # type: Optional[asyncio.AbstractEventLoop]
        # Turns of the loop without a wait since time last moved (_spin).
        self._spins = 0
        self._polling = False
        self._step = FIRST_SPIN_STEP

    def register(self, fileobj: Any, events: int,
                 data: Any = None) -> selectors.SelectorKey:
        """Register a file object with the real selector."""
        return self._real.register(fileobj, events, data)

    def unregister(self, fileobj: Any) -> selectors.SelectorKey:
        """Unregister a file object from the real selector."""
        return self._real.unregister(fileobj)

    def modify(self, fileobj: Any, events: int,
               data: Any = None) -> selectors.SelectorKey:
        """Change a registration of the real selector."""
        return self._real.modify(fileobj, events, data)

    def get_key(self, fileobj: Any) -> selectors.SelectorKey:
        """Return the key of a registered file object."""
        return self._real.get_key(fileobj)

    def get_map(self) -> Any:
        """Return the mapping of registered file objects."""
        return self._real.get_map()

    def close(self) -> None:
        """Close the real selector."""
        self._real.close()

    def select(self, timeout: Optional[float] = None) -> SelectResult:
        """Wait up to ``timeout`` clock seconds for I/O events.

        Virtual mode polls the real selector and, when nothing is ready,
        asks the supervisor to move time on by ``timeout`` at once.
        ``None`` (nothing is scheduled) gets a short real grace period for
        threads to call back, then raises Deadlock.
        """
        clock = self._clock
        if timeout is not None and timeout <= 0:
            return self._spin()
        # Every task that could run has run: the sleeps that wait for their
        # length get it now, and the loop looks at its timers again.
        self._spins, self._polling, self._step = 0, False, FIRST_SPIN_STEP
        if self.loop is not None and clock.plan(self.loop):
            return self._real.select(0)
        if clock.virtual and timeout is not None:
            events = self._real.select(0)
            if events:
                return events
        if timeout is None:
            return self._waiting(self._idle)
        self._waiting(lambda: clock.wait(timeout))
        if clock.virtual:
            return []
        started = clock.elapsed()
        events = self._real.select(timeout * clock.scale)
        if not events:
            clock.note_late(timeout, started)
        return events

    def _spin(self) -> SelectResult:
        """Poll without waiting: the loop has callbacks ready.

        On a real loop every turn takes a little time, so a coroutine that
        polls with ``await asyncio.sleep(0)`` (for tasks to finish, or for
        time.monotonic() to pass a mark) sees time pass and timers come
        due. Virtual time stands still between waits; so once the loop has
        turned SPINS_BEFORE_TIME times without waiting, it is polling: the
        sleeps that wait for a length get one, and every few turns after
        that the clock moves on by at most SPIN_STEP (never past the next
        timer), until the loop waits again.
        """
        events = self._real.select(0)
        clock = self._clock
        if not clock.virtual or events:
            return events
        self._spins += 1
        if self._spins < (SPINS_WHILE_POLLING if self._polling
                          else SPINS_BEFORE_TIME):
            return events
        self._spins = 0
        self._polling = True
        # A loop that polls has run every task it could: the sleeps that
        # wait for a length get it now, as when a loop would wait.
        if self.loop is not None and clock.plan(self.loop):
            return events
        # Each step twice the last, up to SPIN_STEP: a poll of time.monotonic
        # ends at most one step past its mark, in few turns.
        self._step = step = min(SPIN_STEP, 2 * self._step)
        if self.loop is not None:
            timers = [handle for handle in getattr(self.loop, "_scheduled", ())
                      if not handle.cancelled()]
            if timers:
                step = max(0.0, min(step, min(
                    handle.when() for handle in timers) - self.loop.time()))
        if step <= 0:
            return events  # a timer is due: this turn runs it
        self._waiting(lambda: clock.wait(step))
        return events

    def _waiting(self, wait: Callable[[], T]) -> T:
        """Run ``wait``; when it raises Stuck, name where the loop's tasks
        are waiting before passing it on."""
        try:
            return wait()
        except Stuck as exc:
            if self._clock.locate is not None and self.loop is not None:
                exc.stuck_at = self._clock.locate(self.loop)
            raise

    def _idle(self) -> SelectResult:
        """Wait when nothing is scheduled: only I/O could wake the loop.

        Only another thread (or a signal) can still do that: give threads
        a short real grace period, then declare a deadlock.
        """
        alone = threading.active_count() <= 1
        while True:
            # Counted before and after the wait: a thread that starts to
            # sleep during it keeps the loop waiting, and one that ends
            # during it gets one more whole grace period to post its result.
            sleeping = self._clock.sleepers
            events = self._real.select(
                0 if alone else self._clock.DEADLOCK_GRACE)
            if events:
                return events
            if not sleeping and not self._clock.sleepers:
                break
        raise Deadlock("the event loop would wait forever: nothing is "
                       "scheduled and nothing can wake it up")


class ClockEventLoop(asyncio.SelectorEventLoop):
    """A selector event loop whose time() and waits follow the probe clock."""

    def __init__(self, clock: Clock, internal: bool = False) -> None:
        """Create the loop; loops not made by the probe itself are counted."""
        selector = ClockSelector(clock)
        super().__init__(selector)
        selector.loop = self
        self._probe_clock = clock
        clock.loops.add(self)
        if not internal:
            clock.loops_created += 1

    def time(self) -> float:
        """Return the probe clock's monotonic time."""
        return self._probe_clock.monotonic()

    def call_soon_threadsafe(self, callback: Callable[..., Any],
                             *args: Any, **kwargs: Any) -> asyncio.Handle:
        """Schedule a callback from another thread, timing its pickup.

        In real mode a loaded machine may run it long after the thread
        asked (a worker thread's result reaching the loop): that delay is
        lateness too.
        """
        clock = self._probe_clock
        if clock.virtual:
            return super().call_soon_threadsafe(callback, *args, **kwargs)
        asked = clock.elapsed()

        def picked_up(*inner: Any) -> None:
            clock.note_late(0.0, asked)
            callback(*inner)
        return super().call_soon_threadsafe(picked_up, *args, **kwargs)


class ClockPolicy(asyncio.DefaultEventLoopPolicy):  # type: ignore
    """An event loop policy whose new loops run on the probe clock."""

    def __init__(self, clock: Clock) -> None:
        """Remember the clock that new loops will use."""
        super().__init__()
        self._probe_clock = clock

    def new_event_loop(self) -> asyncio.AbstractEventLoop:
        """Make a loop on the probe clock (asyncio.run uses this too)."""
        return ClockEventLoop(self._probe_clock)
