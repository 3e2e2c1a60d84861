"""The scenarios of every task; their ids are a contract with the C# side.

What each scenario's random functions hand out, and how long its sleeps
really last, is the supervisor's plan (ProbePlan on the grader's side): the
probe only names the scenario it begins.

Each task first imports the student's modules (scenario ``import``), putting
spies in place between imports, then runs its scenarios in a fixed order.
README.md documents every scenario id and its extra fields.
"""

import inspect
import os
import sys
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from .observe import describe_returned, function_facts, type_name
from .runner import Observation, Runner
from . import standins
from .spies import bind_earlier, install_spy

M0 = "0-basic_async_syntax"
M1 = "1-concurrent_coroutines"
M2 = "2-measure_runtime"
M3 = "3-tasks"
M4 = "4-tasks"

# The chain: tasks CHAIN + m run the course's main file m-main.py (mains/
# beside the probe) against the student's own modules, each a task of its
# own, so that one that hangs or crashes does not take the others along.
CHAIN = 5
MAINS = os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "mains")

ImportPlan = Tuple[List[Tuple[str, str]], Optional[str]]

# For each task: the stand-ins of earlier tasks it imports, each with the
# function a spy replaces (the last is the one the task itself must import),
# then the student's module of the task.
IMPORTS = {
    0: ([], M0),
    1: ([(M0, "wait_random")], M1),
    2: ([(M0, "wait_random"), (M1, "wait_n")], M2),
    3: ([(M0, "wait_random")], M3),
    4: ([(M0, "wait_random"), (M3, "task_wait_random")], M4),
}  # type: Dict[int, ImportPlan]
IMPORTS.update({CHAIN + main: ([], None) for main in range(5)})


async def _settle(value: Any) -> Any:
    """Await ``value`` if it is awaitable, else return it as it is."""
    if inspect.isawaitable(value):
        return await value
    return value


class Suite:
    """Imports the student's modules and runs the scenarios of one task."""

    def __init__(self, runner: Runner) -> None:
        """Bind the suite to a runner; no module is imported yet."""
        self.runner = runner
        self.session = runner.session
        self.modules = {}  # type: Dict[str, Any]

    def run(self, task: int) -> None:
        """Import the modules of ``task`` and, if that worked, run it."""
        if self.import_modules(task):
            if task >= CHAIN:
                self.main(task - CHAIN)
            else:
                getattr(self, "task_%d" % task)()

    # -- import ---------------------------------------------------------------

    def import_modules(self, task: int) -> bool:
        """Run the ``import`` scenario; tell whether every import worked.

        The earlier tasks' modules are the grader's stand-ins, spied, put in
        ``sys.modules`` before the student's module of the task imports them.
        """
        earlier, own = IMPORTS[task]
        steps = []  # type: List[Dict[str, Any]]

        def body(observation: Observation) -> None:
            observation["modules"] = steps
            made = standins.modules(task)
            for name, function in earlier:
                sys.modules[name] = self.modules[name] = made[name]
                steps.append({"module": name, "status": "ok",
                              "stand_in": True, "spy": function,
                              "spy_status": install_spy(
                                  self.session, made[name], function)})
            if own is None:
                return
            step = {"module": own, "status": "failed"}
            steps.append(step)
            self.modules[own] = __import__(own)
            step["status"] = "ok"
            if earlier:
                name, function = earlier[-1]
                observation["bindings"] = [{
                    "module": own, "name": function, "source": name,
                    "binding": bind_earlier(self.session, self.modules[own],
                                            function, self.modules[name])}]

        def after(observation: Observation) -> None:
            if observation["status"] != "ok" and steps:
                observation["failed_module"] = steps[-1]["module"]

        label = "import " + ", ".join(
            [name + " (the grader's)" for name, _ in earlier]
            + ([own] if own else []))
        observation = self.runner.scenario("import", label, body,
                                           after=after)
        return observation["status"] == "ok"

    # -- scenario helpers ---------------------------------------------------

    def function(self, module: str, name: str) -> Callable:
        """Return ``module.name`` (AttributeError if the student lacks it)."""
        return getattr(self.modules[module], name)

    def facts(self, scenario_id: str, module: str, name: str) -> None:
        """Scenario describing a function without calling it."""
        def body(observation: Observation) -> None:
            observation.update(function_facts(self.modules[module], name))
        self.runner.scenario(scenario_id, "inspect %s" % name, body)

    def call(self, scenario_id: str, module: str, name: str,
             args: Sequence[Any] = (), ticker: bool = False) -> None:
        """Scenario awaiting ``module.name(*args)`` in a fresh loop.

        The supervisor may give other arguments when the scenario begins.
        """
        label = "%s(%s)" % (name, ", ".join(repr(a) for a in args))

        def body(observation: Observation) -> None:
            function = self.function(module, name)
            given = self.session.arguments(args)
            self.runner.run_async(observation, lambda: function(*given),
                                  ticker=ticker)
        self.runner.scenario(scenario_id, label, body)

    # -- tasks -------------------------------------------------------------

    def task_0(self) -> None:
        """wait_random: kind, range, randomness and non-blocking wait."""
        self.facts("wait_random_is_coroutine", M0, "wait_random")
        self.call("wait_random_default", M0, "wait_random", ())
        self.call("wait_random_short", M0, "wait_random")
        self.call("wait_random_long", M0, "wait_random")
        self.call("wait_random_0", M0, "wait_random", (0,))
        self._follows_random()
        self.call("wait_random_blocking", M0, "wait_random", ticker=True)

    def _follows_random(self) -> None:
        """Two wait_random calls with planned draws 0.123 and 0.877."""
        def body(observation: Observation) -> None:
            function = self.function(M0, "wait_random")
            given = self.session.arguments([10])

            async def both() -> List[Any]:
                returned = function(*given)
                observation["returned_type"] = type_name(returned)
                first = await _settle(returned)
                second = await _settle(function(*given))
                return [first, second]
            self.runner.run_async(observation, both)

        self.runner.scenario("wait_random_follows_random", "wait_random",
                             body)

    def task_1(self) -> None:
        """wait_n: concurrency, order from completion, edge cases."""
        self.facts("wait_n_is_coroutine", M1, "wait_n")
        for scenario_id in ("wait_n_few", "wait_n_many", "wait_n_order_few",
                            "wait_n_order_many", "wait_n_none",
                            "wait_n_zero"):
            self.call(scenario_id, M1, "wait_n")
        self.call("wait_n_blocking", M1, "wait_n", ticker=True)

    def task_2(self) -> None:
        """measure_time: a regular function timing wait_n."""
        self.facts("measure_time_is_regular", M2, "measure_time")

        def body(observation: Observation) -> None:
            function = self.function(M2, "measure_time")
            given = self.session.arguments([5, 9])
            self.runner.run_sync(observation, lambda: function(*given))
        for scenario_id in ("measure_time_few", "measure_time_many"):
            self.runner.scenario(scenario_id, "measure_time", body)

    def task_3(self) -> None:
        """task_wait_random: a regular function returning a Task."""
        self.facts("task_wait_random_is_regular", M3, "task_wait_random")

        def body(observation: Observation) -> None:
            function = self.function(M3, "task_wait_random")
            given = self.session.arguments([5])
            self.runner.run_async(observation, lambda: function(*given),
                                  describe=describe_returned)
        for scenario_id in ("task_wait_random_short",
                            "task_wait_random_long"):
            self.runner.scenario(scenario_id, "task_wait_random", body)

    def task_4(self) -> None:
        """task_wait_n: like wait_n, through task_wait_random."""
        self.facts("task_wait_n_is_coroutine", M4, "task_wait_n")
        for scenario_id in ("task_wait_n_few", "task_wait_n_many",
                            "task_wait_n_order_few", "task_wait_n_order_many",
                            "task_wait_n_none", "task_wait_n_zero"):
            self.call(scenario_id, M4, "task_wait_n")

    def main(self, number: int) -> None:
        """The chain: the course's main file, on the student's own modules,
        as ``python3 <number>-main.py`` runs it; what it prints is kept."""
        path = os.path.join(MAINS, "%d-main.py" % number)

        def body(observation: Observation) -> None:
            self.runner.run_main(observation, path)

        self.runner.scenario("main_%d" % number,
                             "python3 %d-main.py" % number, body)
