"""Run one scenario at a time and write its observation at once.

A scenario is a body that calls student code and adds facts to an
observation dict.  :class:`Runner` resets the session, classifies how the
body ended (ok, exception, exit, timeout, deadlock), cleans up the event
loops and writes the observation before the next scenario starts, so a
later crash cannot lose earlier observations.
"""

import asyncio
import inspect
import json
from typing import IO, Any, Callable, Dict, List, Optional, Sequence

from . import patches
from .clock import ClockEventLoop, Deadlock, ScenarioTimeout, Stuck
from .observe import element_types, jsonify, type_name
from .session import Session

Observation = Dict[str, Any]
Body = Callable[[Observation], None]

TICK = 0.5
MAX_TICKS = 200
CLEANUP_ALLOWANCE = 5.0


class ResultWriter:
    """Appends JSON lines to the results file through a private handle.

    The grader makes the file write-only for the run (mode 0200), so that
    student code cannot read the nonce back from it; the writer remembers
    what the probe needs to know about its own lines instead.
    """

    def __init__(self, path: str, nonce: str) -> None:
        """Open ``path`` for appending, line-buffered."""
        self._file = open(path, "a", buffering=1,
                          encoding="utf-8")  # type: IO[str]
        self._nonce = nonce
        self.count = 0
        self.wrote_memory_error = False

    def write(self, fields: Dict[str, Any]) -> None:
        """Write one line: the nonce first, then ``fields``."""
        line = {"nonce": self._nonce}
        line.update(fields)
        text = json.dumps(jsonify(line), allow_nan=False)
        if "MemoryError" in text:
            self.wrote_memory_error = True
        self._file.write(text + "\n")
        self._file.flush()

    def observation(self, observation: Observation) -> None:
        """Write a scenario's observation and count it."""
        self.write(observation)
        self.count += 1

    def finish(self) -> None:
        """Write the closing line and close the file."""
        self.write({"finished": True, "scenarios": self.count})
        self._file.close()


def set_result(observation: Observation, value: Any) -> None:
    """Store a returned value with its type (and its items' types)."""
    observation["result"] = jsonify(value)
    observation["result_type"] = type_name(value)
    items = element_types(value)
    if items is not None:
        observation["result_element_types"] = items
        observation["result_length"] = len(value)


def _max_gap(points: Sequence[float]) -> Optional[float]:
    """Return the largest gap between consecutive points."""
    gaps = [b - a for a, b in zip(points, points[1:])]
    return max(gaps) if gaps else None


class Runner:
    """Runs scenarios against the student's code and writes observations."""

    def __init__(self, session: Session, writer: ResultWriter) -> None:
        """Bind the runner to a session and a results writer."""
        self.session = session
        self.writer = writer
        self._call_start = 0.0

    # -- one scenario ---------------------------------------------------------

    def scenario(self, scenario_id: str, call: str, body: Body,
                 fractions: Optional[Sequence[float]] = None,
                 wake_plan: Optional[Sequence[float]] = None,
                 after: Optional[Body] = None,
                 spread: int = 0) -> Observation:
        """Run ``body`` as scenario ``scenario_id`` and write what happened.

        ``fractions``, ``wake_plan`` and ``spread`` plan the randomness (see
        Session.begin).  ``after`` may add facts computed from the session's
        records once the body is over (it runs whatever the status).
        """
        session = self.session
        session.begin(scenario_id, fractions, wake_plan, spread)
        observation = {
            "scenario": scenario_id,
            "call": call,
            "status": "ok",
            "result": None,
            "result_type": None,
            "virtual_elapsed": None,
            "exception": None,
            "tampered": patches.tampered(),
        }  # type: Observation
        try:
            body(observation)
        except ScenarioTimeout as exc:
            self._failed(observation, "timeout", exc)
        except Deadlock as exc:
            self._failed(observation, "deadlock", exc)
        except SystemExit as exc:
            self._failed(observation, "exit", exc)
            observation["exit_code"] = jsonify(exc.code)
        except BaseException as exc:  # noqa: B902 - report, never crash
            self._failed(observation, "exception", exc)
        self._tidy()
        if observation["virtual_elapsed"] is None:
            observation["virtual_elapsed"] = session.now()
        observation.update(session.records())
        if not session.clock.virtual:
            observation["clock_lateness"] = session.clock.lateness
        observation["tampered_after"] = patches.tampered()
        if after is not None:
            try:
                after(observation)
            except Exception as exc:  # keep the observation anyway
                observation["probe_error"] = repr(exc)
        self.writer.observation(observation)
        return observation

    def _failed(self, observation: Observation, status: str,
                exc: BaseException) -> None:
        """Mark the observation as ended by ``exc``."""
        observation["status"] = status
        observation["exception"] = self.session.locator.exception(exc)

    def _tidy(self) -> None:
        """Close loops left open by student code; reset asyncio's state."""
        for loop in list(self.session.clock.loops):
            if not loop.is_closed() and not loop.is_running():
                self._dispose(loop)
        try:
            asyncio.set_event_loop(None)
        except BaseException:  # noqa: B902 - a student policy may fail
            pass
        if "asyncio.event_loop_policy" not in patches.tampered():
            patches.reset_policy(self.session)

    # -- bodies ------------------------------------------------------------

    def run_sync(self, observation: Observation,
                 call: Callable[[], Any]) -> None:
        """Call a regular function outside any event loop."""
        start = self.session.now()
        try:
            value = call()
            set_result(observation, value)
            if asyncio.iscoroutine(value):
                value.close()  # never awaited: silence the warning
        finally:
            observation["virtual_elapsed"] = self.session.now() - start

    def run_async(self, observation: Observation, call: Callable[[], Any],
                  ticker: bool = False,
                  describe: Optional[Callable[[Observation, Any], None]]
                  = None) -> None:
        """Call ``call()`` inside a fresh loop and await what it returns.

        With ``ticker`` a coroutine records the loop time every 0.5 s while
        the call runs (a blocked loop shows as a gap).  ``describe`` may add
        facts about the raw returned object before it is awaited.
        """
        loop = ClockEventLoop(self.session.clock, internal=True)
        asyncio.set_event_loop(loop)
        self._call_start = self.session.now()
        try:
            loop.run_until_complete(
                self._drive(observation, call, ticker, describe))
        except Stuck:
            # Elapsed time up to the interruption, not up to the clean-up.
            observation["virtual_elapsed"] = (self.session.now()
                                              - self._call_start)
            raise
        finally:
            self._dispose(loop)

    async def _drive(self, observation: Observation,
                     call: Callable[[], Any], ticker: bool,
                     describe: Optional[Callable[[Observation, Any], None]]
                     ) -> None:
        """Coroutine behind run_async."""
        session = self.session
        ticks = []  # type: List[float]
        ticking = None  # type: Optional[asyncio.Task]
        if ticker:
            ticking = asyncio.ensure_future(self._tick(ticks))
            await patches.ORIGINAL_SLEEP(0)
        start = self._call_start = session.now()
        interrupted = False
        try:
            returned = call()
            observation["returned_type"] = type_name(returned)
            if describe is not None:
                describe(observation, returned)
            observation["awaited"] = inspect.isawaitable(returned)
            if observation["awaited"]:
                returned = await returned
            set_result(observation, returned)
        except asyncio.CancelledError:
            interrupted = True  # by the probe: timeout or deadlock
            raise
        finally:
            end = session.now()
            if not interrupted:
                observation["virtual_elapsed"] = end - start
            if ticking is not None:
                ticking.cancel()
                inside = [t for t in ticks if t <= end]
                points = inside if interrupted else inside + [end]
                observation["ticks"] = inside[:MAX_TICKS]
                observation["tick_period"] = TICK
                observation["call_window"] = [start, end]
                observation["max_tick_gap"] = _max_gap(points)

    async def _tick(self, ticks: List[float]) -> None:
        """Record the session time every TICK seconds until cancelled."""
        while True:
            ticks.append(self.session.now())
            await patches.ORIGINAL_SLEEP(TICK)

    def _dispose(self, loop: asyncio.AbstractEventLoop) -> None:
        """Cancel a loop's tasks (within a short allowance) and close it."""
        clock = self.session.clock
        clock.deadline = clock.elapsed() + CLEANUP_ALLOWANCE
        try:
            pending = [task for task in asyncio.all_tasks(loop)
                       if not task.done()]
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(
                    asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
        except BaseException:  # noqa: B902 - student cleanup may misbehave
            pass
        finally:
            try:
                loop.close()
            except BaseException:  # noqa: B902
                pass
        clock.deadline = self.session.t0 + self.session.virtual_deadline
