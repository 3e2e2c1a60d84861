#!/usr/bin/env python3
"""Replay the grader's behaviour scenarios of one submission on real asyncio.

Usage: replay.py [--probe DIR] VARIANT [OBSERVATIONS]

VARIANT is a submission folder; OBSERVATIONS (a file, or stdin when absent
or ``-``) is what the grader's probe and supervisor saw of it:
``{"tasks": {"1": {"observations": {"wait_n_5_5": {...}, ...}}, ...}}``.
DIR is the probe's folder (``checks/python-async/probe``); by default the
one of this repository.

For every scenario the probe ran, the same call runs again in a plain
asyncio event loop with real sleeps, scaled down: the k-th random draw
returns the value the supervisor handed out at the k-th draw
(``random_calls[k].value``, after the real function has checked its
arguments), and the k-th ``asyncio.sleep`` really sleeps ``scale *
(sleep_calls[k].remapped_to or sleep_calls[k].requested)`` seconds.  The
scale is chosen per scenario so that two sleeps pending together that the
grader saw end apart end at least GAP real seconds apart; a run the machine
held back for most of that gap is run again.  The call's arguments are the
observation's ``args`` (the supervisor's choice), else those its label
shows, else the probe's defaults.  Student code reads a clock scaled the
same way (``time.time``, ``perf_counter``, ``monotonic``), so measured
times come out in the grader's units; the loop's own ``loop.time()`` stays
real (the answer counts the student's reads of it).  ``datetime.now()``
reads the scaled clock too, as the probe's does.  As in the probe, the earlier tasks a
task imports are the grader's stand-ins (``asyncprobe/standins.py``), and
spies sit on the same functions.

The answer, on stdout, is one JSON object: for every task and scenario
the result at the moment the call returned, its types, the spied calls
(function, arguments, value, order of finishing), the draws and sleeps
asked for, or why the scenario was not replayed (facts and ticker
scenarios, those the grader saw time out, deadlock or block in time.sleep,
and those whose records it cut short).  Runs on Python 3.7 and later.
"""

import ast
import asyncio
import datetime
import functools
import inspect
import json
import numbers
import os
import random
import re
import signal
import sys
import time
import types

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PROBE = os.path.join(HERE, "..", "..", "..", "..", "..", "checks",
                             "python-async", "probe")

M0 = "0-basic_async_syntax"
M1 = "1-concurrent_coroutines"
M2 = "2-measure_runtime"
M3 = "3-tasks"
M4 = "4-tasks"
MODULES = (M0, M1, M2, M3, M4)

# The probe's import plan (scenarios.IMPORTS), used if it cannot be read.
FALLBACK_IMPORTS = {
    0: [(M0, None)],
    1: [(M0, "wait_random"), (M1, None)],
    2: [(M0, "wait_random"), (M1, "wait_n"), (M2, None)],
    3: [(M0, "wait_random"), (M3, None)],
    4: [(M0, "wait_random"), (M3, "task_wait_random"), (M4, None)],
}

# Which function a scenario calls, by the prefix of its id (longest first).
CALLS = (
    ("task_wait_n", M4, "task_wait_n", "async"),
    ("task_wait_random", M3, "task_wait_random", "task"),
    ("measure_time", M2, "measure_time", "sync"),
    ("wait_n", M1, "wait_n", "async"),
    ("wait_random", M0, "wait_random", "async"),
)
# The arguments the probe passes when the supervisor chooses none and the
# call's label does not show them.
FALLBACK_ARGS = {"wait_random_follows_random": (10,), "measure_time": (5, 9),
                 "task_wait_random": (5,)}
NAMED_ARGS = {"default": (), "decoupled": (5, 5)}

# Two sleeps whose ends the grader saw apart end at least this far apart in
# real time; a scale is never below FLOOR nor above CEILING.
GAP = 0.015
FLOOR = 0.02
CEILING = 0.5
# Sleep ends closer than this (clock seconds) are ties: the same moment.
TIE = 1e-3
# A real run held back for this share of its smallest gap is run again.
STALL_SHARE = 0.6
ATTEMPTS = 3

FLOAT_FUNCTIONS = ("uniform", "random", "triangular")
RANDOM_FUNCTIONS = ("uniform", "random", "randint", "randrange",
                    "triangular", "choice")
TIME_FUNCTIONS = ("time", "time_ns", "monotonic", "monotonic_ns",
                  "perf_counter", "perf_counter_ns")
MONOTONIC_BASE = 1000.0
EPOCH = 1700000000.0


# Captured before any patching.
REAL_DATETIME = datetime.datetime
REAL_PERF_COUNTER = time.perf_counter
REAL_SLEEP = time.sleep
REAL_RANDOM = {name: getattr(random, name) for name in RANDOM_FUNCTIONS}
ORIGINAL_SLEEP = asyncio.sleep


class ReplayTimeout(BaseException):
    """The real run of a scenario took far longer than the grader's."""


def is_number(value):
    """Tell whether ``value`` is a real number (bool excluded)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def load_probe(probe):
    """Import the probe's conversions, import plan and stand-ins."""
    sys.path.insert(0, os.path.abspath(probe))
    try:
        from asyncprobe import observe
        try:
            from asyncprobe.scenarios import IMPORTS
        except ImportError:
            IMPORTS = FALLBACK_IMPORTS
        try:
            from asyncprobe import standins
        except ImportError:
            standins = None
    finally:
        sys.path.pop(0)
    return observe, IMPORTS, standins


def parse_call(label):
    """The function name and arguments of a call label: 'wait_n(5, 5)'."""
    found = re.match(r"^\s*(\w+)\((.*)\)\s*$", str(label).split(";")[0])
    if found is None:
        return None, None
    inner = found.group(2).strip()
    try:
        args = ast.literal_eval("(" + inner + ",)") if inner else ()
    except (ValueError, SyntaxError):
        return found.group(1), None
    return found.group(1), tuple(args)


def call_plan(scenario, observation):
    """What a scenario calls: (module, function, mode, args), or a reason
    to skip it as a string."""
    if scenario == "import":
        return "import"
    if "_is_" in scenario:
        return "facts scenario (calls nothing)"
    if scenario.endswith("_blocking"):
        return "blocking probe (ticker)"
    status = observation.get("status")
    if status in ("timeout", "deadlock"):
        return "grader status %s" % status
    if observation.get("blocking_sleeps"):
        return "blocking time.sleep"
    if observation.get("records_dropped"):
        return "records dropped"
    for prefix, module, function, mode in CALLS:
        if scenario == prefix or scenario.startswith(prefix + "_"):
            break
    else:
        return "unknown scenario"
    if scenario == "wait_random_follows_random":
        mode = "follows"
    args = observation.get("args")
    if isinstance(args, list):
        return module, function, mode, tuple(args)
    name, args = parse_call(observation.get("call", ""))
    if name == function and args is not None:
        return module, function, mode, args
    for key in (scenario, function):
        if key in FALLBACK_ARGS:
            return module, function, mode, FALLBACK_ARGS[key]
    suffix = scenario[len(prefix) + 1:]
    if suffix in NAMED_ARGS:
        return module, function, mode, NAMED_ARGS[suffix]
    parts = suffix.split("_")
    if suffix and all(part.isdigit() for part in parts):
        return module, function, mode, tuple(int(part) for part in parts)
    return "no arguments known"


def sleep_length(record):
    """How long the grader's sleep really lasted (None: no number)."""
    remapped = record.get("remapped_to")
    length = remapped if remapped is not None else record.get("requested")
    return length if is_number(length) else None


def choose_scale(observation):
    """The scale of a scenario, its smallest gap and its count of ties.

    Only sleeps pending at the same time can end in either order: the gap
    is the least distance between the ends of two sleeps that overlap.
    """
    spans = []
    for record in observation.get("sleep_calls") or []:
        length = sleep_length(record)
        start = record.get("started_at")
        if length is not None and length > 0 and is_number(start):
            spans.append((start, start + length))
    smallest = None
    ties = 0
    for index, (start, end) in enumerate(spans):
        for other_start, other_end in spans[index + 1:]:
            if other_start < end and start < other_end:
                gap = abs(end - other_end)
                if gap <= TIE:
                    ties += 1
                elif smallest is None or gap < smallest:
                    smallest = gap
    if smallest is None:
        return FLOOR, None, ties
    return min(CEILING, max(FLOOR, GAP / smallest)), smallest, ties


class Scenario:
    """What one scenario's replay hands out and records."""

    def __init__(self, observation, scale, folder):
        """Start the record of a scenario replayed at ``scale``."""
        self.draws = observation.get("random_calls") or []
        self.sleeps = observation.get("sleep_calls") or []
        self.scale = scale
        self.folder = folder
        self.started = REAL_PERF_COUNTER()
        self.asked_draws = []
        self.asked_sleeps = []
        self.divergences = []
        self.spy_calls = []
        self.finished = 0
        self.time_calls = {}
        self.loop_time_calls = 0
        self.lateness = 0.0
        self.drift = []
        self.loops = []
        self.loops_created = 0

    def elapsed(self):
        """Real seconds since the scenario began, in the grader's units."""
        return (REAL_PERF_COUNTER() - self.started) / self.scale

    def draw(self, name, args, kwargs, real_value):
        """The value of the next draw: the grader's, in draw order."""
        index = len(self.asked_draws)
        asked = {"fn": name, "args": list(args)}
        if kwargs:
            asked["kwargs"] = dict(kwargs)
        self.asked_draws.append(asked)
        if index >= len(self.draws):
            self.divergences.append("draw %d (%s) beyond the grader's %d"
                                    % (index, name, len(self.draws)))
            return real_value
        record = self.draws[index]
        if record.get("fn") != name:
            self.divergences.append("draw %d is %s, the grader's %s"
                                    % (index, name, record.get("fn")))
        value = record.get("value")
        return float(value) if name in FLOAT_FUNCTIONS else int(value)

    def sleep(self, delay):
        """The real length of the next asyncio.sleep."""
        index = len(self.asked_sleeps)
        self.asked_sleeps.append(delay)
        if not is_number(delay):
            return delay
        if index >= len(self.sleeps):
            # A loop polling with a constant sleep may poll more often on
            # the real clock: a repeat is no divergence.
            if not any(record.get("requested") == delay
                       and record.get("remapped_to") is None
                       for record in self.sleeps):
                self.divergences.append("sleep %d beyond the grader's %d"
                                        % (index, len(self.sleeps)))
            length = delay
        else:
            record = self.sleeps[index]
            length = sleep_length(record)
            if length is None:
                length = delay
            if is_number(record.get("started_at")):
                self.drift.append(REAL_PERF_COUNTER() - self.started
                                  - record["started_at"] * self.scale)
        return length * self.scale

    def woke(self, length, began):
        """Note how late a real sleep of ``length`` seconds woke."""
        if is_number(length) and length > 0:
            late = REAL_PERF_COUNTER() - began - length
            self.lateness = max(self.lateness, late)

    def stall(self):
        """The longest the machine held the run back, in real seconds: the
        latest wake-up, or how far the sleeps' starts drifted apart from the
        grader's (a stall between two spawns)."""
        drift = max(self.drift) - min(self.drift) if self.drift else 0.0
        return max(self.lateness, drift)

    def finish_order(self):
        """The next number in the order of finishing."""
        self.finished += 1
        return self.finished

    def is_student(self, frame):
        """Tell whether ``frame`` runs code of the submission."""
        if frame is None:
            return False
        name = os.path.abspath(frame.f_code.co_filename)
        return name.startswith(self.folder + os.sep)

    def note_time(self, name, frame):
        """Count a read of a time function made by student code."""
        if self.is_student(frame):
            self.time_calls[name] = self.time_calls.get(name, 0) + 1


class Replayer:
    """Patches, spies and scenario runs for one submission."""

    def __init__(self, folder, probe):
        """Prepare to replay the submission in ``folder``."""
        self.folder = os.path.realpath(folder)
        self.observe, self.imports, self.standins = load_probe(probe)
        self.current = Scenario({}, FLOOR, self.folder)
        self.modules = {}

    # -- patches --------------------------------------------------------

    def install(self):
        """Replace random, time and asyncio.sleep; keep the loop's clock
        real."""
        loop_time = types.ModuleType("time")
        loop_time.__dict__.update(time.__dict__)
        asyncio.base_events.time = loop_time
        for name in RANDOM_FUNCTIONS:
            setattr(random, name, self._random(name))
        for name in TIME_FUNCTIONS:
            if hasattr(time, name):
                setattr(time, name, self._clock(name))
        time.sleep = self._time_sleep
        asyncio.sleep = asyncio.tasks.sleep = self._asyncio_sleep()
        datetime.datetime = self._scaled_datetime()
        loop_class = asyncio.base_events.BaseEventLoop
        real_loop_time = loop_class.time
        replayer = self

        def loop_time(loop):
            """The loop's own clock, real; a read by student code is
            counted (it is in real seconds, not in the grader's)."""
            if replayer.current.is_student(sys._getframe(1)):
                replayer.current.loop_time_calls += 1
            return real_loop_time(loop)
        loop_class.time = loop_time

    def _random(self, name):
        """A replacement of ``random.name`` with the probe's signature,
        asking for the same draw (function and arguments) as the probe's
        does; the real function checks the arguments first."""
        real = REAL_RANDOM[name]
        draw = self.draw

        def uniform(a, b):
            return draw("uniform", (a, b), {}, real(a, b))

        def random_():
            return draw("random", (), {}, real())

        def randint(a, b):
            return draw("randint", (a, b), {}, real(a, b))

        def randrange(start, stop=None, step=1):
            value = real(start, stop, step)
            args = (start,) if stop is None else (start, stop)
            return draw("randrange", args,
                        {"step": step} if step != 1 else {}, value)

        def triangular(low=0.0, high=1.0, mode=None):
            return draw("triangular", (low, high, mode), {},
                        real(low, high, mode))

        def choice(seq):
            real(seq)
            return seq[draw("choice", (len(seq),), {}, 0)]

        replacement = {"uniform": uniform, "random": random_,
                       "randint": randint, "randrange": randrange,
                       "triangular": triangular, "choice": choice}[name]
        replacement.__name__ = replacement.__qualname__ = name
        return replacement

    def draw(self, name, args, kwargs, real_value):
        """The current scenario's next draw."""
        return self.current.draw(name, args, kwargs, real_value)

    def _clock(self, name):
        base = EPOCH if name.startswith("time") else MONOTONIC_BASE
        nanoseconds = name.endswith("_ns")

        def read():
            self.current.note_time(name, sys._getframe(1))
            value = base + self.current.elapsed()
            return int(value * 10 ** 9) if nanoseconds else value
        read.__name__ = read.__qualname__ = name
        return read

    def _scaled_datetime(self):
        """datetime.datetime whose now(), today() and utcnow() read the
        scaled clock, counted as the probe counts them."""
        replayer = self

        def note(name, frame):
            if replayer.current is not None:
                replayer.current.note_time(name, frame)

        class ScaledDatetime(REAL_DATETIME):
            @classmethod
            def now(cls, tz=None):
                note("datetime.now", sys._getframe(1))
                return cls.fromtimestamp(time.time(), tz)

            @classmethod
            def today(cls):
                note("datetime.today", sys._getframe(1))
                return cls.fromtimestamp(time.time())

            @classmethod
            def utcnow(cls):
                note("datetime.utcnow", sys._getframe(1))
                return cls.utcfromtimestamp(time.time())
        ScaledDatetime.__name__ = ScaledDatetime.__qualname__ = "datetime"
        ScaledDatetime.__module__ = "datetime"
        return ScaledDatetime

    def _time_sleep(self, secs):
        """time.sleep on the scaled clock."""
        if not is_number(secs):
            raise TypeError("'%s' object cannot be interpreted as a number"
                            % type(secs).__name__)
        REAL_SLEEP(float(secs) * self.current.scale)

    def _asyncio_sleep(self):
        replayer = self

        async def sleep(delay, result=None, **kwargs):
            """asyncio.sleep for the grader's length, scaled."""
            scenario = replayer.current
            length = scenario.sleep(delay)
            began = REAL_PERF_COUNTER()
            value = await ORIGINAL_SLEEP(length, result, **kwargs)
            scenario.woke(length, began)
            return value
        sleep.__name__ = sleep.__qualname__ = "sleep"
        return sleep

    def fresh_policy(self):
        """A new default policy that counts the loops it makes."""
        replayer = self

        class Policy(asyncio.DefaultEventLoopPolicy):
            def new_event_loop(self):
                loop = super().new_event_loop()
                replayer.current.loops.append(loop)
                replayer.current.loops_created += 1
                return loop
        asyncio.set_event_loop_policy(Policy())

    # -- spies ------------------------------------------------------------

    def spy(self, name, original):
        """A recording stand-in for ``original``, of the same kind."""
        replayer = self
        jsonify = self.observe.jsonify
        type_name = self.observe.type_name

        def start(args, kwargs):
            record = {"fn": name, "args": jsonify(list(args)),
                      "kwargs": jsonify(dict(kwargs)),
                      "order": len(replayer.current.spy_calls),
                      "status": "pending", "returned": None,
                      "returned_type": None, "exception": None,
                      "finished": None, "finished_at": None}
            replayer.current.spy_calls.append(record)
            return record

        def end(record, value=None, exc=None):
            record["finished"] = replayer.current.finish_order()
            record["finished_at"] = replayer.current.elapsed()
            if exc is None:
                record["status"] = "ok"
                record["returned"] = jsonify(value)
                record["returned_type"] = type_name(value)
            else:
                cancelled = type_name(exc) == "CancelledError"
                record["status"] = "cancelled" if cancelled else "exception"
                record["exception"] = type_name(exc)

        def outcome(record, future):
            done = {"finished": replayer.current.finish_order(),
                    "finished_at": replayer.current.elapsed()}
            if future.cancelled():
                done["status"] = "cancelled"
            elif future.exception() is not None:
                done["status"] = "exception"
                done["exception"] = type(future.exception()).__name__
            else:
                done["status"] = "ok"
                done["value"] = jsonify(future.result())
            record["task_outcome"] = done

        if inspect.iscoroutinefunction(original):
            @functools.wraps(original)
            async def async_spy(*args, **kwargs):
                record = start(args, kwargs)
                try:
                    value = await original(*args, **kwargs)
                except BaseException as exc:
                    end(record, exc=exc)
                    raise
                end(record, value=value)
                return value
            return async_spy

        @functools.wraps(original)
        def regular_spy(*args, **kwargs):
            record = start(args, kwargs)
            try:
                value = original(*args, **kwargs)
            except BaseException as exc:
                end(record, exc=exc)
                raise
            end(record, value=value)
            if asyncio.isfuture(value):
                value.add_done_callback(functools.partial(outcome, record))
            return value
        return regular_spy

    # -- one task ---------------------------------------------------------

    def import_plan(self, task):
        """(earlier, own): the earlier tasks' modules the task imports,
        each with the function spied in it, and the task's own module.

        Reads the probe's IMPORTS in either of its forms: ``task: (earlier,
        own)``, or ``task: [(module, spied or None), ...]`` ending with the
        task's own module.
        """
        plan = self.imports[task]
        if isinstance(plan, tuple) and len(plan) == 2 and \
                isinstance(plan[0], list):
            return list(plan[0]), plan[1]
        return [(name, spied) for name, spied in plan[:-1]], plan[-1][0]

    def import_task(self, task, observation):
        """Import the task's modules as the probe does; report how.

        The earlier tasks' modules are the grader's stand-ins, spied, put
        into ``sys.modules`` before the task's own module imports them; a
        function of the task's module that copies the last one instead of
        importing it gets a spy of its own (the probe's bind_earlier).
        """
        for name in MODULES:
            sys.modules.pop(name, None)
        earlier, own = self.import_plan(task)
        stand = self.standins.modules(task) if self.standins else {}
        self.modules = {}
        steps = []
        self.begin(observation, FLOOR)
        report = {"status": "ok", "modules": steps,
                  "standins": self.standins is not None}
        try:
            for name, spied in earlier:
                step = {"module": name, "status": "failed"}
                steps.append(step)
                if name in stand:
                    sys.modules[name] = stand[name]
                    step["stand_in"] = True
                self.modules[name] = __import__(name)
                step["status"] = "ok"
                step["spy_status"] = self.install_spy(name, spied)
            if own is not None:
                step = {"module": own, "status": "failed"}
                steps.append(step)
                self.modules[own] = __import__(own)
                step["status"] = "ok"
                if earlier:
                    report["binding"] = self.bind_earlier(own, *earlier[-1])
        except BaseException as exc:  # noqa: B902 - student import code
            report["status"] = "exit" if isinstance(exc, SystemExit) \
                else "exception"
            report["exception"] = self.exception(exc)
        self.end(report)
        return report

    def bind_earlier(self, own, source, name):
        """How the task's module holds the earlier ``name``; a copy of its
        own gets a spy."""
        spy = getattr(self.modules[source], name, None)
        namespace = vars(self.modules[own])
        if name in namespace and namespace[name] is not spy:
            if callable(namespace[name]):
                self.install_spy(own, name)
                return "own"
            return "other"
        return "imported" if name in namespace else "missing"

    def install_spy(self, module_name, name):
        """Put a spy on ``module.name``, as the probe's install_spy."""
        module = self.modules[module_name]
        original = getattr(module, name, None)
        if original is None and not hasattr(module, name):
            return "missing"
        if not callable(original):
            return "not callable"
        setattr(module, name, self.spy(name, original))
        return "spied"

    def run_task(self, task, observations):
        """Replay every scenario of one task."""
        answer = {"scenarios": {}}
        answer["import"] = self.import_task(
            task, observations.get("import", {}))
        if answer["import"]["status"] != "ok":
            return answer
        for scenario, observation in observations.items():
            plan = call_plan(scenario, observation)
            if plan == "import":
                continue
            if isinstance(plan, str):
                answer["scenarios"][scenario] = {"skipped": plan}
                continue
            answer["scenarios"][scenario] = self.run_scenario(
                scenario, observation, plan)
        return answer

    # -- one scenario -----------------------------------------------------

    def begin(self, observation, scale):
        """Start a scenario's record and a fresh policy, as a new process
        would have."""
        self.current = Scenario(observation, scale, self.folder)
        self.fresh_policy()

    def end(self, report):
        """Close the loops student code left open; add the records."""
        for loop in list(self.current.loops):
            if not loop.is_closed() and not loop.is_running():
                self.dispose(loop)
        try:
            asyncio.set_event_loop(None)
        except BaseException:  # noqa: B902 - a student policy may fail
            pass
        scenario = self.current
        report["spy_calls"] = scenario.spy_calls
        report["random_calls"] = self.observe.jsonify(scenario.asked_draws)
        report["sleep_calls"] = [self.observe.jsonify(delay)
                                 for delay in scenario.asked_sleeps]
        report["time_calls"] = scenario.time_calls
        report["loop_time_calls"] = scenario.loop_time_calls
        report["loops_created"] = scenario.loops_created
        report["divergences"] = scenario.divergences
        report["scale"] = scenario.scale
        report["lateness"] = scenario.lateness
        report["stall"] = scenario.stall()
        report["real_elapsed"] = REAL_PERF_COUNTER() - scenario.started

    def run_scenario(self, scenario, observation, plan):
        """Replay one scenario; return what it gave.

        A run the machine held back for most of the smallest gap between two
        sleeps' ends (two timers may then have fired together, in an order
        the grader's clock never sees) is run again, up to ATTEMPTS times;
        the answer says how many runs it took and whether the last stalled.
        """
        scale, smallest, ties = choose_scale(observation)
        for attempt in range(1, ATTEMPTS + 1):
            report = self.run_once(observation, plan, scale)
            report["smallest_gap"] = smallest
            report["ties"] = ties
            report["attempts"] = attempt
            report["stalled"] = smallest is not None and \
                report["stall"] > STALL_SHARE * smallest * scale
            if not report["stalled"]:
                break
        return report

    def run_once(self, observation, plan, scale):
        """One real run of a scenario."""
        module, function, mode, args = plan
        report = {"status": "ok", "result": None, "result_type": None,
                  "exception": None, "args": list(args)}
        elapsed = observation.get("virtual_elapsed")
        expected = elapsed * scale if is_number(elapsed) else 1.0
        self.begin(observation, scale)
        limit = 10.0 + 3.0 * expected
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            target = getattr(self.modules[module], function)
            if mode == "sync":
                self.run_sync(report, lambda: target(*args))
            elif mode == "follows":
                self.run_async(report, lambda: self.both(report, target,
                                                         args))
            else:
                describe = self.describe if mode == "task" else None
                self.run_async(report, lambda: target(*args), describe)
        except ReplayTimeout:
            report["status"] = "timeout"
            report["exception"] = {"type": "ReplayTimeout",
                                   "message": "over %.1f s" % limit}
        except SystemExit as exc:
            report["status"] = "exit"
            report["exception"] = self.exception(exc)
        except BaseException as exc:  # noqa: B902 - report, never crash
            report["status"] = "exception"
            report["exception"] = self.exception(exc)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        self.end(report)
        return report

    def exception(self, exc):
        """The type and message of an exception."""
        return {"type": type(exc).__name__,
                "message": self.observe.clip(str(exc), 300)}

    def set_result(self, report, value):
        """Store a returned value as the probe does (runner.set_result)."""
        observe = self.observe
        report["result"] = observe.jsonify(value)
        report["result_type"] = observe.type_name(value)
        items = observe.element_types(value)
        if items is not None:
            report["result_element_types"] = items
            report["result_length"] = len(value)

    def run_sync(self, report, call):
        """Call a regular function outside any event loop."""
        value = call()
        self.set_result(report, value)
        if asyncio.iscoroutine(value):
            value.close()

    def run_async(self, report, call, describe=None):
        """Call ``call()`` in a fresh loop and await what it returns."""
        loop = asyncio.new_event_loop()
        self.current.loops.remove(loop)
        self.current.loops_created -= 1
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self.drive(report, call, describe))
        finally:
            self.dispose(loop)

    async def drive(self, report, call, describe):
        """The probe's _drive: call, describe, await if awaitable."""
        returned = call()
        report["returned_type"] = self.observe.type_name(returned)
        if describe is not None:
            describe(report, returned)
        report["awaited"] = inspect.isawaitable(returned)
        if report["awaited"]:
            returned = await returned
        self.set_result(report, returned)

    async def both(self, report, function, args):
        """wait_random_follows_random: two calls in a row."""
        returned = function(*args)
        report["returned_type"] = self.observe.type_name(returned)
        first = await _settle(returned)
        second = await _settle(function(*args))
        return [first, second]

    def describe(self, report, returned):
        """What task_wait_random returned, before it is awaited."""
        self.observe.describe_returned(report, returned)

    def dispose(self, loop):
        """Cancel a loop's tasks, let them end and close the loop."""
        self.observe.close_loop(loop)


async def _settle(value):
    """Await ``value`` if it is awaitable, else return it as it is."""
    if inspect.isawaitable(value):
        return await value
    return value


def _alarm(signum, frame):
    """The watchdog of a scenario's real run."""
    raise ReplayTimeout()


def read_observations(source):
    """The grader's observations, by task number."""
    if source in (None, "-"):
        raw = json.load(sys.stdin)
    else:
        with open(source) as handle:
            raw = json.load(handle)
    tasks = raw.get("tasks", raw)
    found = {}
    for task, entry in tasks.items():
        observations = entry.get("observations", entry)
        found[int(task)] = observations
    return found


def parse_arguments(argv):
    """(probe folder, variant folder, observations source)."""
    probe = DEFAULT_PROBE
    rest = list(argv[1:])
    if rest[:1] == ["--probe"] and len(rest) >= 2:
        probe = rest[1]
        rest = rest[2:]
    if len(rest) not in (1, 2):
        raise SystemExit("usage: replay.py [--probe DIR] VARIANT "
                         "[OBSERVATIONS]")
    return probe, rest[0], rest[1] if len(rest) == 2 else None


def main(argv):
    """Replay every task the observations hold; print the answer."""
    probe, folder, source = parse_arguments(argv)
    observations = read_observations(source)
    # Student code prints to stderr; stdout carries the answer alone.
    answer_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    folder = os.path.realpath(folder)
    os.chdir(folder)
    sys.path.insert(0, folder)
    replayer = Replayer(folder, probe)
    replayer.install()
    tasks = {}
    for task in sorted(observations):
        tasks[str(task)] = replayer.run_task(task, observations[task])
    info = sys.version_info
    answer = {"python": "%d.%d.%d" % (info[0], info[1], info[2]),
              "tasks": tasks}
    text = json.dumps(answer, sort_keys=True, default=repr)
    with os.fdopen(answer_fd, "w") as out:
        out.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
