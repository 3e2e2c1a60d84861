"""Per-scenario state: the clock, planned randomness and the recorded facts.

The patched functions (see ``patches``) and the spies (see ``spies``) report
what the student's code did to the :class:`Session`; the runner resets it at
the start of every scenario and copies the records into the observation.
"""

import asyncio
import collections
import numbers
import random
import threading
from types import FrameType
from typing import Any, Deque, Dict, List, Optional, Sequence, Tuple

from .clock import Clock
from .observe import Locator, jsonify, type_name

MAX_RECORDS = 200
# A sleep matches a random value if it is this close (a student may round).
MATCH_TOLERANCE = 0.06

Record = Dict[str, Any]


def is_number(value: Any) -> bool:
    """Tell whether ``value`` is a real number (bool excluded)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def spread_fractions(rng: random.Random, count: int) -> List[float]:
    """Draw ``count`` fractions, one in each ``count``-th of [0, 1).

    The slots are shuffled and each fraction lies in the middle half of its
    slot, so two fractions are never closer than 0.5 / count: the delays of
    concurrent coroutines never almost tie, and their completion order is
    the same on a noisy real clock as on the virtual one.
    """
    slots = list(range(count))
    rng.shuffle(slots)
    return [(slot + 0.25 + 0.5 * rng.random()) / count for slot in slots]


class Session:
    """Everything the probe knows and records about the current scenario."""

    def __init__(self, clock: Clock, locator: Locator, seed: int,
                 virtual_deadline: float) -> None:
        """Create an empty session; call begin() before each scenario."""
        self.clock = clock
        self.locator = locator
        self.seed = seed
        self.virtual_deadline = virtual_deadline
        self.scenario = ""
        self.t0 = 0.0
        self._rng = random.Random(seed)
        self._plan = collections.deque()  # type: Deque[float]
        self.wake_plan = None  # type: Optional[List[float]]
        self.random_calls = []  # type: List[Record]
        self.sleep_calls = []  # type: List[Record]
        self.blocking_sleeps = []  # type: List[Record]
        self.spy_calls = []  # type: List[Record]
        self.time_calls = {}  # type: Dict[str, int]
        self.woken = []  # type: List[Record]
        self.dropped = {}  # type: Dict[str, int]
        self._random_values = []  # type: List[Any]
        self._loops_before = 0
        clock.locate = self._stuck_at

    def _stuck_at(self, loop: Any) -> Optional[str]:
        """Name the student line the tasks of ``loop`` are waiting at."""
        try:
            return self.locator.awaiting(asyncio.all_tasks(loop))
        except Exception:
            return None

    # -- scenario lifecycle -------------------------------------------------

    def begin(self, scenario: str,
              fractions: Optional[Sequence[float]] = None,
              wake_plan: Optional[Sequence[float]] = None,
              spread: int = 0) -> None:
        """Reset every record and arm the clock's deadline for a scenario.

        ``fractions`` are handed out first by the patched random functions;
        without them the first ``spread`` draws are spread apart (see
        :func:`spread_fractions`).  ``wake_plan[k]`` replaces the delay of
        a sleep whose length equals the k-th random value (decoupling).
        """
        self.scenario = scenario
        self._rng = random.Random("%s:%s" % (self.seed, scenario))
        if fractions is None and spread > 1:
            fractions = spread_fractions(self._rng, spread)
        self._plan = collections.deque(fractions or ())
        self.wake_plan = list(wake_plan) if wake_plan is not None else None
        self.random_calls = []
        self._random_values = []
        self.sleep_calls = []
        self.blocking_sleeps = []
        self.spy_calls = []
        self.time_calls = {}
        self.woken = []
        self.dropped = {}
        self.t0 = self.clock.elapsed()
        self.clock.deadline = self.t0 + self.virtual_deadline
        self.clock.lateness = 0.0
        self._loops_before = self.clock.loops_created

    def now(self) -> float:
        """Return clock seconds since the scenario began."""
        return self.clock.elapsed() - self.t0

    def loops_created(self) -> int:
        """Count the event loops the student's code created so far."""
        return self.clock.loops_created - self._loops_before

    def records(self) -> Dict[str, Any]:
        """Return the records of the scenario for the observation."""
        facts = {
            "random_calls": self.random_calls,
            "sleep_calls": self.sleep_calls,
            "blocking_sleeps": self.blocking_sleeps,
            "spy_calls": self.spy_calls,
            "time_calls": self.time_calls,
            "loops_created": self.loops_created(),
        }  # type: Dict[str, Any]
        if self.dropped:
            facts["records_dropped"] = self.dropped
        return facts

    def _keep(self, name: str, records: List[Record], record: Record) -> None:
        """Append a record unless the list is full (then count the drop)."""
        if len(records) < MAX_RECORDS:
            records.append(record)
        else:
            self.dropped[name] = self.dropped.get(name, 0) + 1

    # -- randomness -----------------------------------------------------------

    def draw(self) -> float:
        """Return the next fraction in [0, 1): planned first, then seeded."""
        if self._plan:
            return self._plan.popleft()
        return self._rng.random()

    def note_random(self, fn: str, args: Sequence[Any], kwargs: Dict,
                    value: Any, fraction: float,
                    frame: Optional[FrameType]) -> None:
        """Record one call of a patched random function."""
        record = {
            "fn": fn,
            "args": jsonify(list(args)),
            "value": jsonify(value),
            "fraction": fraction,
            "order": len(self._random_values),
            "where": self.locator.where(frame),
        }  # type: Record
        if kwargs:
            record["kwargs"] = jsonify(kwargs)
        self._random_values.append(value)
        self._keep("random_calls", self.random_calls, record)

    def random_values(self) -> List[Any]:
        """Return the values handed out by the random functions, in order."""
        return list(self._random_values)

    # -- sleeping ------------------------------------------------------------

    def match_random(self, delay: Any) -> Optional[int]:
        """Return the index of the random value ``delay`` equals, if any."""
        if self.wake_plan is None or not is_number(delay):
            return None
        best = None  # type: Optional[Tuple[int, float]]
        values = self._random_values[:len(self.wake_plan)]
        for index, value in enumerate(values):
            if not is_number(value):
                continue
            gap = abs(float(value) - float(delay))
            if gap <= MATCH_TOLERANCE and (best is None or gap < best[1]):
                best = (index, gap)
        return None if best is None else best[0]

    def start_sleep(self, delay: Any, frame: Optional[FrameType]
                    ) -> Tuple[Record, Any]:
        """Record the start of an asyncio.sleep; return it and the delay to
        really sleep (remapped when a wake plan is active)."""
        index = self.match_random(delay)
        actual = delay
        if index is not None and self.wake_plan is not None:
            actual = self.wake_plan[index]
        record = {
            "requested": jsonify(delay),
            "started_at": self.now(),
            "woke_at": None,
            "cancelled": False,
            "remapped_to": actual if index is not None else None,
            "random_call": index,
            "where": self.locator.where(frame),
        }  # type: Record
        self._keep("sleep_calls", self.sleep_calls, record)
        return record, actual

    def end_sleep(self, record: Record, cancelled: bool) -> None:
        """Record how an asyncio.sleep ended."""
        if cancelled:
            record["cancelled"] = True
            return
        record["woke_at"] = self.now()
        self.woken.append(record)

    def note_blocking(self, seconds: Any, frame: Optional[FrameType],
                      in_running_loop: bool) -> None:
        """Record a blocking time.sleep call."""
        found = self.locator.student_frame(frame)
        record = {
            "seconds": jsonify(seconds),
            "at": self.now(),
            "in_running_loop": in_running_loop,
            "in_main_thread": (threading.current_thread()
                               is threading.main_thread()),
            "file": found[0] if found else None,
            "line": found[1] if found else None,
        }
        self._keep("blocking_sleeps", self.blocking_sleeps, record)

    def note_time(self, name: str, frame: Optional[FrameType]) -> None:
        """Count a read of a time function made directly by student code."""
        if frame is not None and self.locator.is_student(
                frame.f_code.co_filename):
            self.time_calls[name] = self.time_calls.get(name, 0) + 1

    # -- spies ---------------------------------------------------------------

    def start_spy(self, fn: str, args: Sequence[Any],
                  kwargs: Dict[str, Any]) -> Record:
        """Record that a spied student function was entered."""
        record = {
            "fn": fn,
            "args": jsonify(list(args)),
            "kwargs": jsonify(dict(kwargs)),
            "order": len(self.spy_calls),
            "started_at": self.now(),
            "finished_at": None,
            "status": "pending",
            "returned": None,
            "returned_type": None,
            "exception": None,
        }  # type: Record
        self._keep("spy_calls", self.spy_calls, record)
        return record

    def end_spy(self, record: Record, value: Any = None,
                exc: Optional[BaseException] = None) -> None:
        """Record how a spied call ended (value or exception)."""
        record["finished_at"] = self.now()
        if exc is None:
            record["status"] = "ok"
            record["returned"] = jsonify(value)
            record["returned_type"] = type_name(value)
        else:
            cancelled = type_name(exc) == "CancelledError"
            record["status"] = "cancelled" if cancelled else "exception"
            record["exception"] = type_name(exc)
