"""Per-scenario requests to the supervisor, and the few facts kept here.

The patched functions (see ``patches``) and the spies (see ``spies``) ask the
supervisor through the :class:`Session`: for a random value, for a sleep, to
block, to note a call of a spied function.  The supervisor decides the
answers and records what was asked; the probe keeps only what it alone can
see (reads of the time functions, event loops created) for the observation.
"""

import asyncio
import contextvars
import numbers
import threading
from types import FrameType
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .channel import Answer, Channel, number
from .clock import Clock
from .observe import Locator, jsonify, type_name

Record = Dict[str, Any]

FLOAT_FUNCTIONS = ("uniform", "random", "triangular")


def is_number(value: Any) -> bool:
    """Tell whether ``value`` is a real number (bool excluded)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


# The innermost spied call the running code is inside, by the supervisor's
# id (asyncio copies it into each task a call creates).
CURRENT_SPY = contextvars.ContextVar(
    "probe_current_spy", default=None)  # type: contextvars.ContextVar


# The errors a random function raises for arguments it cannot take.
DRAW_ERRORS = {"TypeError": TypeError, "ValueError": ValueError,
               "IndexError": IndexError}


class Session:
    """The probe's side of the current scenario."""

    def __init__(self, clock: Clock, locator: Locator,
                 channel: Channel) -> None:
        """Create an empty session; call begin() before each scenario."""
        self.clock = clock
        self.locator = locator
        self.channel = channel
        self.time_calls = {}  # type: Dict[str, int]
        self._arguments = None  # type: Optional[List[int]]
        self._loops_before = 0
        clock.locate = self._stuck_at

    def _stuck_at(self, loop: Any) -> Optional[str]:
        """Name the student line the tasks of ``loop`` are waiting at."""
        try:
            return self.locator.awaiting(asyncio.all_tasks(loop))
        except Exception:
            return None

    def ask(self, op: str, **fields: Any) -> Answer:
        """Send one request to the supervisor."""
        return self.channel.ask(op, **fields)

    def tell(self, op: str, **fields: Any) -> None:
        """Send one note to the supervisor (it is not answered)."""
        self.channel.tell(op, **fields)

    # -- scenario lifecycle -------------------------------------------------

    def begin(self, scenario: str, call: str) -> None:
        """Start a scenario: the supervisor arms its plan and deadline."""
        self.time_calls = {}
        self.clock.lateness = 0.0
        self._loops_before = self.clock.loops_created
        given = self.ask("begin", scenario=scenario, call=call).get("args")
        self._arguments = [int(value) for value in given] if isinstance(
            given, list) and all(isinstance(value, int)
                                 for value in given) else None

    def arguments(self, fallback: Sequence[Any]) -> List[Any]:
        """The arguments the supervisor chose for the scenario's call, or
        ``fallback`` where it chose none."""
        return list(fallback if self._arguments is None else self._arguments)

    def loops_created(self) -> int:
        """Count the event loops the student's code created so far."""
        return self.clock.loops_created - self._loops_before

    def records(self) -> Dict[str, Any]:
        """Return what the probe itself saw of the scenario."""
        facts = {
            "time_calls": self.time_calls,
            "loops_created": self.loops_created(),
        }  # type: Dict[str, Any]
        if not self.clock.virtual:
            facts["clock_lateness"] = self.clock.lateness
        return facts

    # -- randomness -----------------------------------------------------------

    def draw(self, fn: str, args: Sequence[Any], kwargs: Dict[str, Any],
             frame: Optional[FrameType]) -> Any:
        """Ask for the value of one call of a random function.

        Raises what the random module would for invalid arguments (the
        supervisor names the error).
        """
        fields = {"fn": fn, "args": jsonify(list(args)),
                  "where": self.locator.where(frame)}  # type: Dict[str, Any]
        if kwargs:
            fields["kwargs"] = jsonify(kwargs)
        answer = self.ask("draw", **fields)
        error = answer.get("error")
        if isinstance(error, dict):
            kind = DRAW_ERRORS.get(str(error.get("type")), ValueError)
            raise kind(str(error.get("message")))
        value = number(answer, "value")
        if value is None:
            raise ValueError("the grader drew no value")
        if fn in FLOAT_FUNCTIONS:
            return value
        return int(value)

    # -- sleeping ------------------------------------------------------------

    def start_sleep(self, delay: Any, frame: Optional[FrameType]
                    ) -> Tuple[Any, Any, bool]:
        """Ask to begin an asyncio.sleep: its id, what to sleep, and
        whether its length comes later (``plan``, when the loop is idle).

        The supervisor may change how long the sleep really lasts (order
        decoupling); it answers no length for a delay that is no number.
        """
        answer = self.ask("sleep", delay=jsonify(delay),
                          where=self.locator.where(frame),
                          spy=CURRENT_SPY.get())
        after = number(answer, "after")
        return (answer.get("id"), (delay if after is None else after),
                answer.get("pending") is True)

    def end_sleep(self, sleep_id: Any, cancelled: bool) -> None:
        """Tell how an asyncio.sleep ended."""
        self.tell("cancelled" if cancelled else "woke", id=sleep_id)

    def block(self, seconds: float, shown: Any, frame: Optional[FrameType],
              in_running_loop: bool) -> None:
        """Ask to block the calling thread (time.sleep) and do so."""
        found = self.locator.student_frame(frame)
        self.clock.block(seconds, {
            "requested": jsonify(shown),
            "in_running_loop": in_running_loop,
            "in_main_thread": (threading.current_thread()
                               is threading.main_thread()),
            "file": found[0] if found else None,
            "line": found[1] if found else None,
        })

    def note_time(self, name: str, frame: Optional[FrameType]) -> None:
        """Count a read of a time function made directly by student code."""
        if frame is not None and self.locator.is_student(
                frame.f_code.co_filename):
            self.time_calls[name] = self.time_calls.get(name, 0) + 1

    # -- spies ---------------------------------------------------------------

    def start_spy(self, fn: str, args: Sequence[Any],
                  kwargs: Dict[str, Any]) -> Any:
        """Tell that a spied student function was entered; return its id."""
        answer = self.ask("spy_start", fn=fn, args=jsonify(list(args)),
                          kwargs=jsonify(dict(kwargs)))
        return answer.get("id")

    def end_spy(self, spy_id: Any, value: Any = None,
                exc: Optional[BaseException] = None) -> None:
        """Tell how a spied call ended (value or exception)."""
        if exc is None:
            self.tell("spy_end", id=spy_id, status="ok",
                      returned=jsonify(value), returned_type=type_name(value))
            return
        cancelled = type_name(exc) == "CancelledError"
        self.tell("spy_end", id=spy_id,
                  status="cancelled" if cancelled else "exception",
                  exception=type_name(exc))

    def end_spied_task(self, spy_id: Any, outcome: Record) -> None:
        """Tell how the Task or Future a spied function returned ended."""
        self.tell("spy_task_end", id=spy_id, outcome=jsonify(outcome))
