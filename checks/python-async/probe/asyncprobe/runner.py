"""Run one scenario at a time and send its observation at once.

A scenario is a body that calls student code and adds facts to an
observation dict.  :class:`Runner` tells the supervisor where the scenario
and its call begin and end, classifies how the body ended (ok, exception,
exit, timeout, deadlock), cleans up the event loops and sends what only the
probe can see before the next scenario starts.  Times, random values,
sleeps and calls of spied functions are the supervisor's record, not part
of what the probe sends.
"""

import asyncio
import inspect
import io
import runpy
import sys
from typing import Any, Callable, Dict, Optional

from . import patches
from .channel import ChannelClosed
from .clock import ClockEventLoop, Deadlock, ScenarioTimeout, Stuck
from .observe import close_loop, element_types, jsonify, type_name, unroot
from .session import Session

Observation = Dict[str, Any]
Body = Callable[[Observation], None]

TICK = 0.5

# Characters of a main file's printed output kept.
PRINTED_LIMIT = 16384


def set_result(observation: Observation, value: Any) -> None:
    """Store a returned value with its type (and its items' types)."""
    observation["result"] = jsonify(value)
    observation["result_type"] = type_name(value)
    items = element_types(value)
    if items is not None:
        observation["result_element_types"] = items
        observation["result_length"] = len(value)


class Runner:
    """Runs scenarios against the student's code and sends observations."""

    def __init__(self, session: Session) -> None:
        """Bind the runner to a session."""
        self.session = session
        self.count = 0
        # What the call of the running scenario returned, to look at again
        # once its loop is done.
        self._returned = None  # type: Any

    # -- one scenario ---------------------------------------------------------

    def scenario(self, scenario_id: str, call: str, body: Body,
                 after: Optional[Body] = None) -> Observation:
        """Run ``body`` as scenario ``scenario_id`` and send what happened.

        ``after`` may add facts once the body is over (it runs whatever the
        status).
        """
        session = self.session
        session.begin(scenario_id, call)
        observation = {
            "scenario": scenario_id,
            "call": call,
            "status": "ok",
            "result": None,
            "result_type": None,
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
        except ChannelClosed:
            raise
        except BaseException as exc:  # noqa: B902 - report, never crash
            self._failed(observation, "exception", exc)
        self._tidy()
        observation.update(session.records())
        observation["tampered_after"] = patches.tampered()
        if after is not None:
            try:
                after(observation)
            except Exception as exc:  # keep the observation anyway
                observation["probe_error"] = repr(exc)
        session.ask("end", observation=jsonify(observation))
        self.count += 1
        return observation

    def finish(self) -> None:
        """Tell the supervisor the task's scenarios are over."""
        self.session.ask("finished", scenarios=self.count)

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
        self.session.tell("run_start")
        try:
            value = call()
            set_result(observation, value)
            if asyncio.iscoroutine(value):
                value.close()  # never awaited: silence the warning
        finally:
            self.session.tell("run_end", interrupted=False)

    def run_main(self, observation: Observation, path: str) -> None:
        """Run a main file as ``__main__``, keeping what it prints.

        The main runs its own event loops (asyncio.run), on the clock.
        """
        printed = io.StringIO()
        shown = sys.stdout
        sys.stdout = printed
        self.session.tell("run_start")
        interrupted = True
        try:
            runpy.run_path(path, run_name="__main__")
            interrupted = False
        finally:
            self.session.tell("run_end", interrupted=interrupted)
            sys.stdout = shown
            observation["printed"] = unroot(printed.getvalue()[:PRINTED_LIMIT])

    def run_async(self, observation: Observation, call: Callable[[], Any],
                  ticker: bool = False,
                  describe: Optional[Callable[[Observation, Any], None]]
                  = None) -> None:
        """Call ``call()`` inside a fresh loop and await what it returns.

        With ``ticker`` a coroutine asks for a tick every 0.5 s while the
        call runs (a blocked loop shows as a gap in the supervisor's ticks).
        ``describe`` may add facts about the raw returned object before it
        is awaited.
        """
        loop = ClockEventLoop(self.session.clock, internal=True)
        asyncio.set_event_loop(loop)
        self._returned = None
        try:
            loop.run_until_complete(
                self._drive(observation, call, ticker, describe))
        except Stuck:
            # Elapsed time up to the interruption, not up to the clean-up.
            self.session.tell("run_end", interrupted=True)
            raise
        finally:
            self._dispose(loop)
            self._note_growth(observation)

    def _note_growth(self, observation: Observation) -> None:
        """Keep what the returned list held once the loop had run on.

        A list that grew after the call returned was filled by callbacks
        (a task's done callback) the caller never waited for.
        """
        returned, self._returned = self._returned, None
        if (isinstance(returned, list) and isinstance(
                observation.get("result"), list)
                and len(returned) != len(observation["result"])):
            observation["result_after_return"] = jsonify(returned)

    async def _drive(self, observation: Observation,
                     call: Callable[[], Any], ticker: bool,
                     describe: Optional[Callable[[Observation, Any], None]]
                     ) -> None:
        """Coroutine behind run_async."""
        ticking = None  # type: Optional[asyncio.Task]
        if ticker:
            ticking = asyncio.ensure_future(self._tick())
            await patches.ORIGINAL_SLEEP(0)
        self.session.tell("run_start")
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
            self._returned = returned
        except asyncio.CancelledError:
            interrupted = True  # by the probe: timeout or deadlock
            raise
        finally:
            if not interrupted:
                self.session.tell("run_end", interrupted=False)
            if ticking is not None:
                ticking.cancel()

    async def _tick(self) -> None:
        """Ask for a tick every TICK seconds until cancelled."""
        while True:
            self.session.tell("tick")
            await patches.ORIGINAL_SLEEP(TICK)

    def _dispose(self, loop: asyncio.AbstractEventLoop) -> None:
        """Cancel a loop's tasks (within a short allowance) and close it."""
        self.session.tell("cleanup")
        close_loop(loop, (ChannelClosed,))
