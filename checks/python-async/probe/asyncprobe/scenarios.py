"""The scenarios of every task; their ids are a contract with the C# side.

What each scenario's random functions hand out, and how long its sleeps
really last, is the supervisor's plan (ProbePlan on the grader's side): the
probe only names the scenario it begins.

Each task first imports the student's modules (scenario ``import``), putting
spies in place between imports, then runs its scenarios in a fixed order.
README.md documents every scenario id and its extra fields.
"""

import asyncio
import inspect
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from .observe import function_facts, type_name
from .runner import Observation, Runner
from .spies import binding, install_spy

M0 = "0-basic_async_syntax"
M1 = "1-concurrent_coroutines"
M2 = "2-measure_runtime"
M3 = "3-tasks"
M4 = "4-tasks"

# For each task: the modules to import in order, and the function to
# replace with a spy right after importing that module (None: no spy).
IMPORTS = {
    0: [(M0, None)],
    1: [(M0, "wait_random"), (M1, None)],
    2: [(M0, "wait_random"), (M1, "wait_n"), (M2, None)],
    3: [(M0, "wait_random"), (M3, None)],
    4: [(M0, "wait_random"), (M3, "task_wait_random"), (M4, None)],
}  # type: Dict[int, List[Tuple[str, Optional[str]]]]


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
            getattr(self, "task_%d" % task)()

    # -- import ---------------------------------------------------------------

    def import_modules(self, task: int) -> bool:
        """Run the ``import`` scenario; tell whether every import worked."""
        plan = IMPORTS[task]
        steps = []  # type: List[Dict[str, Any]]

        def body(observation: Observation) -> None:
            observation["modules"] = steps
            for name, spy in plan:
                step = {"module": name, "status": "failed"}
                steps.append(step)
                self.modules[name] = __import__(name)
                step["status"] = "ok"
                if spy is not None:
                    step["spy"] = spy
                    step["spy_status"] = install_spy(
                        self.session, self.modules[name], spy)

        def after(observation: Observation) -> None:
            observation["bindings"] = self._bindings(plan)
            if observation["status"] != "ok" and steps:
                observation["failed_module"] = steps[-1]["module"]

        label = "import " + ", ".join(name for name, _ in plan)
        observation = self.runner.scenario("import", label, body,
                                           after=after)
        return observation["status"] == "ok"

    def _bindings(self, plan: Sequence[Tuple[str, Optional[str]]]
                  ) -> List[Dict[str, str]]:
        """Tell, for each spy, what later modules bound under its name."""
        found = []
        for index, (source, spy) in enumerate(plan):
            if spy is None:
                continue
            for later, _ in plan[index + 1:]:
                if later in self.modules:
                    found.append({"module": later, "name": spy,
                                  "binding": binding(self.modules[later],
                                                     spy)})
        return found

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
             args: Sequence[Any], ticker: bool = False) -> None:
        """Scenario awaiting ``module.name(*args)`` in a fresh loop."""
        label = "%s(%s)" % (name, ", ".join(repr(a) for a in args))

        def body(observation: Observation) -> None:
            function = self.function(module, name)
            self.runner.run_async(observation, lambda: function(*args),
                                  ticker=ticker)
        self.runner.scenario(scenario_id, label, body)

    # -- tasks -------------------------------------------------------------

    def task_0(self) -> None:
        """wait_random: kind, range, randomness and non-blocking wait."""
        self.facts("wait_random_is_coroutine", M0, "wait_random")
        self.call("wait_random_default", M0, "wait_random", ())
        self.call("wait_random_5", M0, "wait_random", (5,))
        self.call("wait_random_15", M0, "wait_random", (15,))
        self.call("wait_random_0", M0, "wait_random", (0,))
        self._follows_random()
        self.call("wait_random_blocking", M0, "wait_random", (3,),
                  ticker=True)

    def _follows_random(self) -> None:
        """Two wait_random(10) with planned draws 0.123 and 0.877."""
        def body(observation: Observation) -> None:
            function = self.function(M0, "wait_random")

            async def both() -> List[Any]:
                returned = function(10)
                observation["returned_type"] = type_name(returned)
                first = await _settle(returned)
                second = await _settle(function(10))
                return [first, second]
            self.runner.run_async(observation, both)

        self.runner.scenario(
            "wait_random_follows_random",
            "wait_random(10); wait_random(10)", body)

    def task_1(self) -> None:
        """wait_n: concurrency, order from completion, edge cases."""
        self.facts("wait_n_is_coroutine", M1, "wait_n")
        self.call("wait_n_5_5", M1, "wait_n", (5, 5))
        self.call("wait_n_10_7", M1, "wait_n", (10, 7))
        self.call("wait_n_decoupled", M1, "wait_n", (5, 5))
        self.call("wait_n_0_5", M1, "wait_n", (0, 5))
        self.call("wait_n_10_0", M1, "wait_n", (10, 0))
        self.call("wait_n_blocking", M1, "wait_n", (5, 3), ticker=True)

    def task_2(self) -> None:
        """measure_time: a regular function timing wait_n."""
        self.facts("measure_time_is_regular", M2, "measure_time")

        def body(observation: Observation) -> None:
            function = self.function(M2, "measure_time")
            self.runner.run_sync(observation, lambda: function(5, 9))
        self.runner.scenario("measure_time_5_9", "measure_time(5, 9)", body)

    def task_3(self) -> None:
        """task_wait_random: a regular function returning a Task."""
        self.facts("task_wait_random_is_regular", M3, "task_wait_random")

        def describe(observation: Observation, returned: Any) -> None:
            kind = type(returned)
            is_future = asyncio.isfuture(returned)
            observation["is_task"] = isinstance(returned, asyncio.Task)
            observation["is_future"] = is_future
            observation["is_coroutine"] = asyncio.iscoroutine(returned)
            observation["returned_class"] = "%s.%s" % (
                kind.__module__, kind.__qualname__)
            observation["done_when_returned"] = (
                returned.done() if is_future else None)

        def body(observation: Observation) -> None:
            function = self.function(M3, "task_wait_random")
            self.runner.run_async(observation, lambda: function(5),
                                  describe=describe)
        self.runner.scenario("task_wait_random_5", "task_wait_random(5)",
                             body)

    def task_4(self) -> None:
        """task_wait_n: like wait_n, through task_wait_random."""
        self.facts("task_wait_n_is_coroutine", M4, "task_wait_n")
        self.call("task_wait_n_5_6", M4, "task_wait_n", (5, 6))
        self.call("task_wait_n_decoupled", M4, "task_wait_n", (5, 5))
        self.call("task_wait_n_0_6", M4, "task_wait_n", (0, 6))
        self.call("task_wait_n_10_0", M4, "task_wait_n", (10, 0))
