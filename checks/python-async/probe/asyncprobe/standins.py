"""The grader's own versions of the functions a task imports.

When task k's behaviour is graded, the earlier tasks' modules it imports are
these stand-ins, not the student's files: a fault in the student's
``wait_random`` is then charged to task 0 alone, and neither fails nor hides
anything in ``wait_n``.  Each stand-in does what the assignment asks, in the
plainest way, through the patched ``random`` and ``asyncio.sleep`` (so the
supervisor decides its values and records its sleeps); the probe puts spies
on them as it does on student functions.  The student's own files are run
together once, by the main-file scenarios of the chain.
"""

import asyncio
import random
import types
from typing import Dict, List

M0 = "0-basic_async_syntax"
M1 = "1-concurrent_coroutines"
M3 = "3-tasks"


def _task_0() -> types.ModuleType:
    module = types.ModuleType(M0, "The grader's wait_random.")

    async def wait_random(max_delay: int = 10) -> float:
        """Wait a random delay of up to max_delay seconds; return it."""
        delay = random.uniform(0, max_delay)
        await asyncio.sleep(delay)
        return delay

    module.wait_random = wait_random  # type: ignore
    return module


def _task_1(task_0: types.ModuleType) -> types.ModuleType:
    module = types.ModuleType(M1, "The grader's wait_n.")

    async def wait_n(n: int, max_delay: int) -> List[float]:
        """Run n wait_random calls at once; return delays as they end."""
        # Looked up at each call, so that a spy put on it later is seen.
        tasks = [asyncio.ensure_future(task_0.wait_random(max_delay))
                 for _ in range(n)]
        return [await done for done in asyncio.as_completed(tasks)]

    module.wait_n = wait_n  # type: ignore
    return module


def _task_3(task_0: types.ModuleType) -> types.ModuleType:
    module = types.ModuleType(M3, "The grader's task_wait_random.")

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
