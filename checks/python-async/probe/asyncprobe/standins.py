"""The grader's own versions of the functions a task imports.

When task k's behaviour is graded, the earlier tasks' modules it imports are
these stand-ins, not the student's files: a fault in the student's
``wait_random`` is then charged to task 0 alone, and neither fails nor hides
anything in ``wait_n``.  Each stand-in does what the assignment asks, in the
plainest way, through the patched ``random`` and ``asyncio.sleep`` (so the
supervisor decides its values and records its sleeps); the probe puts spies
on them as it does on student functions.  The student's own files are run
together once, by the main-file scenarios of the chain.

A task may take more than the function from an earlier module (a constant,
a helper): every other name a stand-in is asked for comes from the student's
own file of that module, loaded the first time one is (PEP 562).
"""

import asyncio
import importlib.util
import os
import random
import types
from typing import Any, Dict, List

M0 = "0-basic_async_syntax"
M1 = "1-concurrent_coroutines"
M3 = "3-tasks"


def _stand_in(name: str, doc: str) -> types.ModuleType:
    """An empty stand-in module that lends the student's other names."""
    module = types.ModuleType(name, doc)
    loaded = []  # type: List[types.ModuleType]

    def lend(attribute: str) -> Any:
        if attribute.startswith("__") and attribute.endswith("__"):
            raise AttributeError(attribute)  # the import system's own probes
        if not loaded:
            path = os.path.join(os.getcwd(), name + ".py")
            spec = importlib.util.spec_from_file_location(name, path)
            if spec is None or spec.loader is None or not os.path.isfile(
                    path):
                raise AttributeError("module %r has no attribute %r"
                                     % (name, attribute))
            own = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(own)  # type: ignore
            loaded.append(own)
        try:
            return getattr(loaded[0], attribute)
        except AttributeError:
            raise AttributeError("module %r has no attribute %r"
                                 % (name, attribute)) from None

    module.__getattr__ = lend  # type: ignore
    return module


def _task_0() -> types.ModuleType:
    module = _stand_in(M0, "The grader's wait_random.")

    async def wait_random(max_delay: int = 10) -> float:
        """Wait a random delay of up to max_delay seconds; return it."""
        delay = random.uniform(0, max_delay)
        await asyncio.sleep(delay)
        return delay

    module.wait_random = wait_random  # type: ignore
    return module


def _task_1(task_0: types.ModuleType) -> types.ModuleType:
    module = _stand_in(M1, "The grader's wait_n.")

    async def wait_n(n: int, max_delay: int) -> List[float]:
        """Run n wait_random calls at once; return delays as they end."""
        # Looked up at each call, so that a spy put on it later is seen.
        tasks = [asyncio.ensure_future(task_0.wait_random(max_delay))
                 for _ in range(n)]
        return [await done for done in asyncio.as_completed(tasks)]

    module.wait_n = wait_n  # type: ignore
    return module


def _task_3(task_0: types.ModuleType) -> types.ModuleType:
    module = _stand_in(M3, "The grader's task_wait_random.")

    def task_wait_random(max_delay: int) -> asyncio.Task:
        """Return a Task running wait_random(max_delay)."""
        return asyncio.get_event_loop().create_task(
            task_0.wait_random(max_delay))

    module.task_wait_random = task_wait_random  # type: ignore
    return module


def modules(task: int) -> Dict[str, types.ModuleType]:
    """The stand-in modules task ``task`` may import, by module name."""
    task_0 = _task_0()
    made = {M0: task_0}
    if task == 2:
        made[M1] = _task_1(task_0)
    if task == 4:
        made[M3] = _task_3(task_0)
    return made
