#!/usr/bin/env python3
"""Write the differential-fidelity corpus: submissions written as students
write them.

Usage: corpus.py FOLDER

Each variant is a folder holding the five task files and ``variant.json``.
A variant has a subject: one task's file written in one *family* (a way to
write the function: as_completed over tasks, gather then sorted, done
callbacks, ...) with *mutations* (off-by-one n, a reversed list, an extra
``await asyncio.sleep(0)``...).  The other four files take the families of
their tasks in turn, unmutated, so that every run also exercises them (the
grader judges each task on its own code: the earlier tasks a file imports
are the grader's own).  The output is the same on every run and every
Python version from 3.7 on.

The generated code is for behaviour only: it need not be pycodestyle-clean.
DifferentialTests runs each variant through the grader's probe and through
replay.py (real asyncio, real sleeps) and compares what they saw.
"""

import json
import os
import shutil
import sys
import textwrap

M0 = "0-basic_async_syntax"
M1 = "1-concurrent_coroutines"
M2 = "2-measure_runtime"
M3 = "3-tasks"
M4 = "4-tasks"
FILES = {0: M0, 1: M1, 2: M2, 3: M3, 4: M4}

# Families that cost a timeout or never end on the virtual clock are not
# lent to other variants: they appear only as a subject.
ALONE = "alone"


class Family:
    """One way to write a task's function: a template and its flags."""

    def __init__(self, task, name, body, flags=()):
        """Keep the template; ``flags`` mark special ones (ALONE, ...)."""
        self.task = task
        self.name = name
        self.body = textwrap.dedent(body).strip("\n") + "\n"
        self.flags = set(flags)


# -- task 0: wait_random ---------------------------------------------------

HEAD_0 = '''#!/usr/bin/env python3
"""Task 0: wait a random delay."""
import asyncio
import random
import time
'''

T0 = [
    ("uniform", """
        delay = random.uniform(0, max_delay)
        await asyncio.sleep(delay)
        return delay
    """),
    ("uniform_reversed", """
        delay = random.uniform(max_delay, 0)
        await asyncio.sleep(delay)
        return delay
    """),
    ("uniform_kwargs", """
        delay = random.uniform(a=0, b=max_delay)
        await asyncio.sleep(delay)
        return delay
    """),
    ("random_times", """
        delay = random.random() * max_delay
        await asyncio.sleep(delay)
        return delay
    """),
    ("from_import", """
        from random import uniform
        from asyncio import sleep
        delay = uniform(0, max_delay)
        await sleep(delay)
        return delay
    """),
    ("triangular", """
        delay = random.triangular(0, max_delay)
        await asyncio.sleep(delay)
        return delay
    """),
    ("randint", """
        delay = random.randint(0, max_delay)
        await asyncio.sleep(delay)
        return delay
    """),
    ("transformed_mod", """
        delay = (random.random() * 10) % max_delay
        await asyncio.sleep(delay)
        return delay
    """),
    ("transformed_scaled", """
        delay = random.random() * 100 / 100 * max_delay
        await asyncio.sleep(round(delay, 3))
        return delay
    """),
    ("zero_shortcut_float", """
        if max_delay == 0:
            return 0.0
        delay = random.uniform(0, max_delay)
        await asyncio.sleep(delay)
        return delay
    """),
    ("zero_shortcut_int", """
        if not max_delay:
            return 0
        delay = random.uniform(0, max_delay)
        await asyncio.sleep(delay)
        return delay
    """),
    ("measured_perf_counter", """
        start = time.perf_counter()
        await asyncio.sleep(random.uniform(0, max_delay))
        delay = time.perf_counter() - start
        return delay
    """),
    ("measured_time", """
        start = time.time()
        await asyncio.sleep(random.uniform(0, max_delay))
        delay = time.time() - start
        return delay
    """),
    ("measured_monotonic", """
        start = time.monotonic()
        await asyncio.sleep(random.uniform(0, max_delay))
        delay = time.monotonic() - start
        return delay
    """),
    ("measured_perf_counter_ns", """
        start = time.perf_counter_ns()
        await asyncio.sleep(random.uniform(0, max_delay))
        delay = (time.perf_counter_ns() - start) / 1e9
        return delay
    """),
    ("measured_loop_time", """
        loop = asyncio.get_event_loop()
        start = loop.time()
        await asyncio.sleep(random.uniform(0, max_delay))
        delay = loop.time() - start
        return delay
    """),
    ("sleep_result", """
        drawn = random.uniform(0, max_delay)
        delay = await asyncio.sleep(drawn, drawn)
        return delay
    """),
    ("sleep_in_task", """
        delay = random.uniform(0, max_delay)
        await asyncio.ensure_future(asyncio.sleep(delay))
        return delay
    """),
    ("sleep_gathered", """
        delay = random.uniform(0, max_delay)
        await asyncio.gather(asyncio.sleep(delay))
        return delay
    """),
    ("sleep_wait_for", """
        delay = random.uniform(0, max_delay)
        await asyncio.wait_for(asyncio.sleep(delay), timeout=max_delay + 1)
        return delay
    """),
    ("busy_wait_sleep0", """
        delay = random.uniform(0, max_delay)
        end = time.monotonic() + delay
        while time.monotonic() < end:
            await asyncio.sleep(0)
        return delay
    """, [ALONE]),
    ("sleep_split", """
        delay = random.uniform(0, max_delay)
        await asyncio.sleep(delay / 2)
        await asyncio.sleep(delay / 2)
        return delay
    """),
]

MUTATIONS_0 = ["yield0", "round2", "int_return", "default5", "no_await"]


def render_0(family, mutations):
    """The text of 0-basic_async_syntax.py."""
    default = "5" if "default5" in mutations else "10"
    lines = family.body.splitlines()
    if "no_await" in mutations:
        lines = [line.replace("await asyncio.sleep(", "asyncio.sleep(")
                 for line in lines]
    last = lines[-1]
    if "round2" in mutations:
        last = "return round(delay, 2)"
    if "int_return" in mutations:
        last = "return int(delay)"
    lines[-1:] = (["await asyncio.sleep(0)"] if "yield0" in mutations
                  else []) + [last]
    code = HEAD_0 + "\n\n"
    code += ("async def wait_random(max_delay: int = %s) -> float:\n"
             % default)
    code += '    """Wait a random delay of up to max_delay seconds."""\n'
    code += "".join("    " + line + "\n" if line else "\n" for line in lines)
    return code


def fits_0(family, mutation):
    """Tell whether a task-0 mutation changes this family's code (and,
    for int(), whether the result is steady: int() of a time measured on a
    real clock flips at whole seconds)."""
    if mutation == "no_await":
        return "await asyncio.sleep(" in family.body
    if mutation == "int_return":
        return not family.name.startswith("measured_")
    return True


# -- tasks 1 and 4: wait_n, task_wait_n ----------------------------------

# {spawn}: an awaitable running one wait (a coroutine in task 1, a Task in
# task 4); {task}: a Task of one wait; {n}, {d}: count and delay passed.
# Every body leaves its list in ``delays`` and ends with ``return delays``.
TN = [
    ("as_completed_coros", """
        delays = []
        for done in asyncio.as_completed([{spawn} for _ in range({n})]):
            delays.append(await done)
        return delays
    """),
    ("as_completed_tasks", """
        tasks = [{task} for _ in range({n})]
        delays = [await done for done in asyncio.as_completed(tasks)]
        return delays
    """),
    ("as_completed_map", """
        delays = []
        for done in asyncio.as_completed(map(lambda _: {spawn}, range({n}))):
            delays.append(await done)
        return delays
    """),
    ("as_completed_timeout", """
        tasks = [{task} for _ in range({n})]
        delays = []
        for done in asyncio.as_completed(tasks, timeout=max_delay + 60):
            delays.append(await done)
        return delays
    """),
    ("gather_plain", """
        delays = list(await asyncio.gather(*({spawn} for _ in range({n}))))
        return delays
    """),
    ("gather_sorted", """
        delays = await asyncio.gather(*[{spawn} for _ in range({n})])
        delays = sorted(delays)
        return delays
    """),
    ("gather_sort_method", """
        delays = await asyncio.gather(*[{spawn} for _ in range({n})])
        delays.sort()
        return delays
    """),
    ("gather_tasks_sorted", """
        tasks = [{task} for _ in range({n})]
        delays = sorted(await asyncio.gather(*tasks))
        return delays
    """),
    ("gather_heapq", """
        import heapq
        heap = []
        for value in await asyncio.gather(*[{spawn} for _ in range({n})]):
            heapq.heappush(heap, value)
        delays = [heapq.heappop(heap) for _ in range(len(heap))]
        return delays
    """),
    ("gather_bisect", """
        import bisect
        delays = []
        for value in await asyncio.gather(*[{spawn} for _ in range({n})]):
            bisect.insort(delays, value)
        return delays
    """),
    ("gather_insertion_sort", """
        values = await asyncio.gather(*[{spawn} for _ in range({n})])
        delays = []
        for value in values:
            index = 0
            while index < len(delays) and delays[index] < value:
                index += 1
            delays.insert(index, value)
        return delays
    """),
    ("gather_bubble_sort", """
        delays = list(await asyncio.gather(*[{spawn} for _ in range({n})]))
        for i in range(len(delays)):
            for j in range(len(delays) - i - 1):
                if delays[j] > delays[j + 1]:
                    delays[j], delays[j + 1] = delays[j + 1], delays[j]
        return delays
    """),
    ("gather_return_exceptions", """
        results = await asyncio.gather(*[{spawn} for _ in range({n})],
                                       return_exceptions=True)
        delays = sorted(r for r in results if not isinstance(r, Exception))
        return delays
    """),
    ("spawn_order_await", """
        tasks = [{task} for _ in range({n})]
        delays = []
        for task in tasks:
            delays.append(await task)
        return delays
    """),
    ("spawn_order_wait_for", """
        tasks = [{task} for _ in range({n})]
        delays = []
        for task in tasks:
            delays.append(await asyncio.wait_for(task, None))
        return delays
    """),
    ("wait_first_completed", """
        pending = {{{task} for _ in range({n})}}
        delays = []
        while pending:
            done, pending = await asyncio.wait(
                pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                delays.append(task.result())
        return delays
    """),
    ("wait_first_completed_list", """
        pending = [{task} for _ in range({n})]
        delays = []
        while pending:
            done, rest = await asyncio.wait(
                pending, return_when=asyncio.FIRST_COMPLETED)
            delays.extend(sorted(task.result() for task in done))
            pending = list(rest)
        return delays
    """),
    ("wait_first_then_cancel", """
        tasks = [{task} for _ in range({n})]
        if not tasks:
            return []
        done, pending = await asyncio.wait(
            tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        delays = sorted(task.result() for task in done)
        return delays
    """),
    ("wait_all_spawn_order", """
        tasks = [{task} for _ in range({n})]
        await asyncio.wait(tasks)
        delays = [task.result() for task in tasks]
        return delays
    """),
    ("wait_all_sorted", """
        tasks = [{task} for _ in range({n})]
        done, _ = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
        delays = sorted(task.result() for task in done)
        return delays
    """),
    ("done_callback_await", """
        delays = []
        tasks = []
        for _ in range({n}):
            task = {task}
            task.add_done_callback(lambda t: delays.append(t.result()))
            tasks.append(task)
        for task in tasks:
            await task
        return delays
    """),
    ("done_callback_gather", """
        delays = []
        tasks = [{task} for _ in range({n})]
        for task in tasks:
            task.add_done_callback(lambda t: delays.append(t.result()))
        await asyncio.gather(*tasks)
        return delays
    """),
    ("done_callback_wait", """
        delays = []
        tasks = [{task} for _ in range({n})]
        for task in tasks:
            task.add_done_callback(lambda t: delays.append(t.result()))
        if tasks:
            await asyncio.wait(tasks)
        return delays
    """),
    ("done_callback_only", """
        delays = []
        for _ in range({n}):
            {task}.add_done_callback(lambda t: delays.append(t.result()))
        await asyncio.sleep(max_delay)
        return delays
    """),
    ("queue", """
        queue = asyncio.Queue()

        async def worker():
            await queue.put(await {spawn})
        workers = [asyncio.ensure_future(worker()) for _ in range({n})]
        delays = []
        for _ in workers:
            delays.append(await queue.get())
        return delays
    """),
    ("queue_callback", """
        queue = asyncio.Queue()
        for _ in range({n}):
            {task}.add_done_callback(lambda t: queue.put_nowait(t.result()))
        delays = [await queue.get() for _ in range({n})]
        return delays
    """),
    ("future_by_hand", """
        loop = asyncio.get_event_loop()
        finished = loop.create_future()
        delays = []

        def collect(task):
            delays.append(task.result())
            if len(delays) == {n}:
                finished.set_result(None)
        for _ in range({n}):
            {task}.add_done_callback(collect)
        if {n} > 0:
            await finished
        return delays
    """),
    ("future_by_hand_unguarded", """
        loop = asyncio.get_event_loop()
        finished = loop.create_future()
        delays = []

        def collect(task):
            delays.append(task.result())
            if len(delays) == {n}:
                finished.set_result(None)
        for _ in range({n}):
            {task}.add_done_callback(collect)
        await finished
        return delays
    """),
    ("futures_per_call", """
        loop = asyncio.get_event_loop()
        futures = []

        async def run(future):
            value = await {spawn}
            future.set_result(value)
        delays = []
        for _ in range({n}):
            future = loop.create_future()
            future.add_done_callback(lambda f: delays.append(f.result()))
            futures.append(future)
            asyncio.ensure_future(run(future))
        await asyncio.gather(*futures)
        return delays
    """),
    ("call_soon_collect", """
        loop = asyncio.get_event_loop()
        delays = []
        tasks = [{task} for _ in range({n})]
        for task in tasks:
            task.add_done_callback(
                lambda t: loop.call_soon(delays.append, t.result()))
        await asyncio.gather(*tasks)
        return delays
    """),
    ("call_later_collect", """
        loop = asyncio.get_event_loop()
        delays = []
        tasks = [{task} for _ in range({n})]
        for task in tasks:
            task.add_done_callback(
                lambda t: loop.call_later(0, delays.append, t.result()))
        await asyncio.gather(*tasks)
        await asyncio.sleep(0)
        return delays
    """),
    ("call_later_settle", """
        loop = asyncio.get_event_loop()
        delays = []
        tasks = [{task} for _ in range({n})]
        for task in tasks:
            task.add_done_callback(
                lambda t: loop.call_soon(delays.append, t.result()))
        await asyncio.gather(*tasks)
        settled = loop.create_future()
        loop.call_later(0.001, settled.set_result, None)
        await settled
        return delays
    """),
    ("nested_helper_gather", """
        delays = []

        async def one():
            delays.append(await {spawn})
        await asyncio.gather(*(one() for _ in range({n})))
        return delays
    """),
    ("nested_helper_tasks", """
        delays = []

        async def one():
            value = await {spawn}
            delays.append(value)
        helpers = [asyncio.ensure_future(one()) for _ in range({n})]
        for helper in helpers:
            await helper
        return delays
    """),
    ("nested_helper_as_completed", """
        async def one():
            return await {spawn}
        delays = []
        for done in asyncio.as_completed([one() for _ in range({n})]):
            delays.append(await done)
        return delays
    """),
    ("semaphore_as_completed", """
        limit = asyncio.Semaphore(3)

        async def bounded():
            async with limit:
                return await {spawn}
        delays = []
        for done in asyncio.as_completed([bounded() for _ in range({n})]):
            delays.append(await done)
        return delays
    """),
    ("semaphore_gather_sorted", """
        limit = asyncio.Semaphore(2)

        async def bounded():
            async with limit:
                return await {spawn}
        delays = sorted(await asyncio.gather(
            *[bounded() for _ in range({n})]))
        return delays
    """),
    ("sequential_plain", """
        delays = []
        for _ in range({n}):
            delays.append(await {spawn})
        return delays
    """),
    ("sequential_sorted", """
        delays = []
        for _ in range({n}):
            delays.append(await {spawn})
        delays = sorted(delays)
        return delays
    """),
    ("sequential_insort", """
        from bisect import insort
        delays = []
        for _ in range({n}):
            insort(delays, await {spawn})
        return delays
    """),
    ("listcomp_await", """
        delays = [await {spawn} for _ in range({n})]
        return delays
    """),
    ("async_generator", """
        async def finished():
            for done in asyncio.as_completed([{spawn} for _ in range({n})]):
                yield await done
        delays = [value async for value in finished()]
        return delays
    """),
    ("recursive_gather", """
        if {n} <= 0:
            return []
        first, rest = await asyncio.gather({spawn}, wait_n_rest({n} - 1,
                                                               max_delay))
        delays = list(rest)
        index = 0
        while index < len(delays) and delays[index] < first:
            index += 1
        delays.insert(index, first)
        return delays
    """, ["recursive"]),
    ("events_spawn_order", """
        events = []
        values = []

        async def one(event):
            values.append(await {spawn})
            event.set()
        for _ in range({n}):
            event = asyncio.Event()
            events.append(event)
            asyncio.ensure_future(one(event))
        for event in events:
            await event.wait()
        delays = values
        return delays
    """),
    ("own_copy_as_completed", """
        delays = []
        for done in asyncio.as_completed([{spawn} for _ in range({n})]):
            delays.append(await done)
        return delays
    """, ["own_copy"]),
    ("own_copy_yield_gather_sorted", """
        delays = sorted(await asyncio.gather(
            *[{spawn} for _ in range({n})]))
        return delays
    """, ["own_copy", "own_copy_yield"]),
    ("own_copy_yield_tasks", """
        tasks = [{task} for _ in range({n})]
        delays = [await done for done in asyncio.as_completed(tasks)]
        return delays
    """, ["own_copy", "own_copy_yield"]),
    ("poll_sleep_small", """
        tasks = [{task} for _ in range({n})]
        delays = []
        while tasks:
            await asyncio.sleep(0.01)
            for task in [t for t in tasks if t.done()]:
                delays.append(task.result())
                tasks.remove(task)
        return delays
    """),
    ("poll_sleep0", """
        tasks = [{task} for _ in range({n})]
        delays = []
        while tasks:
            await asyncio.sleep(0)
            for task in [t for t in tasks if t.done()]:
                delays.append(task.result())
                tasks.remove(task)
        return delays
    """, [ALONE]),
]

# How a Task of one wait is made in task 1 (task 4's task_wait_random
# already returns one).
TASK_STYLES = {
    "create_task": "asyncio.create_task(wait_random({d}))",
    "ensure_future": "asyncio.ensure_future(wait_random({d}))",
    "loop_create_task":
        "asyncio.get_event_loop().create_task(wait_random({d}))",
}

MUTATIONS_N = ["n_minus_1", "n_plus_1", "delay_plus_1", "delay_default",
               "reversed", "as_set", "as_tuple", "yield0",
               "yield0_each"]

HEAD_1 = '''#!/usr/bin/env python3
"""Task 1: run wait_random n times at once."""
import asyncio
from typing import List
wait_random = __import__('0-basic_async_syntax').wait_random
'''

HEAD_4 = '''#!/usr/bin/env python3
"""Task 4: run task_wait_random n times at once."""
import asyncio
from typing import List
task_wait_random = __import__('3-tasks').task_wait_random
'''

HEAD_4_WRONG = '''#!/usr/bin/env python3
"""Task 4: run wait_random n times at once (not task_wait_random)."""
import asyncio
from typing import List
wait_random = __import__('0-basic_async_syntax').wait_random
'''


def render_n(task, family, mutations, style):
    """The text of 1-concurrent_coroutines.py or 4-tasks.py.

    ``style`` names how a Task is made (TASK_STYLES), or ``"wrong"``: task 4
    calling wait_random itself.
    """
    n = "n"
    if "n_minus_1" in mutations:
        n = "n - 1"
    if "n_plus_1" in mutations:
        n = "n + 1"
    d = "max_delay"
    if "delay_plus_1" in mutations:
        d = "max_delay + 1"
    if "delay_default" in mutations:
        d = ""
    if task == 1 or style == "wrong":
        spawn = "wait_random({d})".format(d=d)
        task_expr = TASK_STYLES.get(style, TASK_STYLES["create_task"])
        task_expr = task_expr.format(d=d)
    else:
        spawn = task_expr = "task_wait_random({d})".format(d=d)
    body = family.body.format(spawn=spawn, task=task_expr, n=n)
    lines = body.splitlines()
    ret = "return delays"
    if "reversed" in mutations:
        ret = "return delays[::-1]"
    if "as_set" in mutations:
        ret = "return set(delays)"
    if "as_tuple" in mutations:
        ret = "return tuple(delays)"
    before = ["await asyncio.sleep(0)"] if "yield0" in mutations else []
    lines[-1:] = before + [ret]
    if "yield0_each" in mutations:
        lines = _yield_after_appends(lines)
    head = HEAD_1 if task == 1 else (HEAD_4_WRONG if style == "wrong"
                                     else HEAD_4)
    name = "wait_n" if task == 1 else "task_wait_n"
    code = head + "\n\n"
    if "own_copy" in family.flags:
        code += own_copy(task, style, "own_copy_yield" in family.flags)
    if "recursive" in family.flags:
        code += ("async def wait_n_rest(n: int, max_delay: int) -> list:\n"
                 '    """The same for the n calls left."""\n'
                 "    return await %s(n, max_delay)\n\n\n" % name)
    code += ("async def %s(n: int, max_delay: int) -> List[float]:\n" % name)
    code += '    """Run the waits at once; return their delays."""\n'
    code += "".join("    " + line + "\n" if line else "\n" for line in lines)
    return code


def own_copy(task, style, yields):
    """The earlier task's function, copied into the module instead of
    imported (the grader then spies on the copy)."""
    pause = "    await asyncio.sleep(0)\n" if yields else ""
    if task == 1 or style == "wrong":
        return ("import random\n\n\n"
                "async def wait_random(max_delay: int = 10) -> float:\n"
                '    """A copy of task 0."""\n'
                + pause +
                "    delay = random.uniform(0, max_delay)\n"
                "    await asyncio.sleep(delay)\n"
                "    return delay\n\n\n")
    return ("wait_random = __import__('0-basic_async_syntax').wait_random\n"
            "\n\n"
            "def task_wait_random(max_delay: int) -> asyncio.Task:\n"
            '    """A copy of task 3."""\n'
            "    return asyncio.ensure_future(wait_random(max_delay))\n\n\n")


def _yield_after_appends(lines):
    """Add ``await asyncio.sleep(0)`` after each statement that appends
    inside a coroutine's loop (not inside a lambda or a plain function)."""
    result = []
    in_plain_def = None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if in_plain_def is not None and line.strip() and \
                indent <= in_plain_def:
            in_plain_def = None
        if line.lstrip().startswith("def "):
            in_plain_def = indent
        result.append(line)
        stripped = line.strip()
        if (in_plain_def is None and "lambda" not in stripped
                and stripped.startswith(("delays.append(", "insort(",
                                         "bisect.insort("))
                and stripped.endswith(")")):
            result.append(" " * indent + "await asyncio.sleep(0)")
    return result


def _has_loop_append(family):
    """Tell whether ``yield0_each`` adds a line to this family."""
    lines = family.body.splitlines()
    return len(_yield_after_appends(lines)) > len(lines)


def uses_task(family):
    """Tell whether the family makes Tasks itself (it has a task style)."""
    return "{task}" in family.body


# -- task 2: measure_time -------------------------------------------------

HEAD_2 = '''#!/usr/bin/env python3
"""Task 2: measure the runtime of wait_n."""
import asyncio
import time
wait_n = __import__('1-concurrent_coroutines').wait_n
'''

T2 = [
    ("time_asyncio_run", """
        start = time.time()
        asyncio.run(wait_n({n}, max_delay))
        total = time.time() - start
        return total / n
    """),
    ("perf_counter_asyncio_run", """
        start = time.perf_counter()
        asyncio.run(wait_n({n}, max_delay))
        total = time.perf_counter() - start
        return total / n
    """),
    ("monotonic_asyncio_run", """
        start = time.monotonic()
        asyncio.run(wait_n({n}, max_delay))
        total = time.monotonic() - start
        return total / n
    """),
    ("perf_counter_ns", """
        start = time.perf_counter_ns()
        asyncio.run(wait_n({n}, max_delay))
        total = (time.perf_counter_ns() - start) / 1e9
        return total / n
    """),
    ("run_until_complete", """
        start = time.perf_counter()
        asyncio.get_event_loop().run_until_complete(wait_n({n}, max_delay))
        total = time.perf_counter() - start
        return total / n
    """),
    ("new_event_loop", """
        loop = asyncio.new_event_loop()
        start = time.time()
        loop.run_until_complete(wait_n({n}, max_delay))
        total = time.time() - start
        loop.close()
        return total / n
    """),
    ("timed_inside", """
        async def timed():
            start = time.perf_counter()
            await wait_n({n}, max_delay)
            return time.perf_counter() - start
        total = asyncio.run(timed())
        return total / n
    """),
    ("loop_time_inside", """
        async def timed():
            loop = asyncio.get_event_loop()
            start = loop.time()
            await wait_n({n}, max_delay)
            return loop.time() - start
        total = asyncio.run(timed())
        return total / n
    """),
    ("gathered_inside", """
        async def timed():
            start = time.time()
            await asyncio.gather(wait_n({n}, max_delay))
            return time.time() - start
        total = asyncio.run(timed())
        return total / n
    """),
    ("process_time", """
        start = time.process_time()
        asyncio.run(wait_n({n}, max_delay))
        total = time.process_time() - start
        return total / n
    """),
    ("timeit_timer", """
        import timeit
        start = timeit.default_timer()
        asyncio.run(wait_n({n}, max_delay))
        total = timeit.default_timer() - start
        return total / n
    """),
    ("from_time_import", """
        from time import perf_counter
        start = perf_counter()
        asyncio.run(wait_n({n}, max_delay))
        total = perf_counter() - start
        return total / n
    """),
    ("gather_in_run_until_complete", """
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        start = time.time()
        loop.run_until_complete(asyncio.gather(wait_n({n}, max_delay)))
        total = time.time() - start
        return total / n
    """),
    ("datetime_now", """
        from datetime import datetime
        start = datetime.now()
        asyncio.run(wait_n({n}, max_delay))
        total = (datetime.now() - start).total_seconds()
        return total / n
    """),
]

# (No int(): int() of a time measured on a real clock flips at whole seconds.)
MUTATIONS_2 = ["total", "per_max_delay", "n_plus_1", "round1"]


def render_2(family, mutations):
    """The text of 2-measure_runtime.py."""
    n = "n + 1" if "n_plus_1" in mutations else "n"
    lines = family.body.format(n=n).splitlines()
    if "total" in mutations:
        lines[-1] = "return total"
    if "per_max_delay" in mutations:
        lines[-1] = "return total / max_delay"
    if "round1" in mutations:
        lines[-1] = "return round(total / n, 1)"
    code = HEAD_2 + "\n\n"
    code += "def measure_time(n: int, max_delay: int) -> float:\n"
    code += '    """Time wait_n(n, max_delay); return the time per call."""\n'
    code += "".join("    " + line + "\n" if line else "\n" for line in lines)
    return code


# -- task 3: task_wait_random ---------------------------------------------

HEAD_3 = '''#!/usr/bin/env python3
"""Task 3: a Task that waits a random delay."""
import asyncio
wait_random = __import__('0-basic_async_syntax').wait_random
'''

T3 = [
    ("create_task", "return asyncio.create_task(wait_random({d}))"),
    ("ensure_future", "return asyncio.ensure_future(wait_random({d}))"),
    ("loop_create_task",
     "return asyncio.get_event_loop().create_task(wait_random({d}))"),
    ("running_loop_create_task",
     "return asyncio.get_running_loop().create_task(wait_random({d}))"),
    ("task_constructor", "return asyncio.Task(wait_random({d}))"),
    ("event_loop_variable", """
        loop = asyncio.get_event_loop()
        task = loop.create_task(wait_random({d}))
        return task
    """),
    ("async_def_awaits", "return await wait_random({d})"),
    ("async_def_task", "return asyncio.create_task(wait_random({d}))"),
    ("returns_coroutine", "return wait_random({d})"),
    ("returns_gather", "return asyncio.gather(wait_random({d}))"),
]

MUTATIONS_3 = ["constant_5", "default_delay", "delay_plus_1"]


def render_3(family, mutations):
    """The text of 3-tasks.py."""
    d = "max_delay"
    if "constant_5" in mutations:
        d = "5"
    if "default_delay" in mutations:
        d = ""
    if "delay_plus_1" in mutations:
        d = "max_delay + 1"
    lines = family.body.format(d=d).splitlines()
    kind = "async def" if family.name.startswith("async_def") else "def"
    code = HEAD_3 + "\n\n"
    code += "%s task_wait_random(max_delay: int) -> asyncio.Task:\n" % kind
    code += '    """Return a Task running wait_random(max_delay)."""\n'
    code += "".join("    " + line + "\n" for line in lines)
    return code


# -- the corpus -------------------------------------------------------------

def families():
    """Every family of every task, in a fixed order."""
    made = {0: [], 1: [], 2: [], 3: [], 4: []}
    for task, table in ((0, T0), (2, T2), (3, T3)):
        for entry in table:
            made[task].append(Family(task, *entry))
    for entry in TN:
        family = Family(1, *entry)
        styles = sorted(TASK_STYLES) if uses_task(family) else ["coroutine"]
        for style in styles:
            made[1].append((family, style))
        made[4].append((Family(4, *entry), "task_wait_random"))
    for entry in TN[:12]:
        made[4].append((Family(4, *entry), "wrong"))
    return made


def render(task, item, mutations):
    """The text of one task's file."""
    if task == 0:
        return render_0(item, mutations)
    if task == 2:
        return render_2(item, mutations)
    if task == 3:
        return render_3(item, mutations)
    family, style = item
    return render_n(task, family, mutations, style)


def describe(task, item):
    """The family's name as variant.json gives it."""
    if task in (1, 4):
        family, style = item
        return "%s[%s]" % (family.name, style)
    return item.name


def flags(task, item):
    """The flags of a family."""
    return item[0].flags if task in (1, 4) else item.flags


def mutation_choices(task, item, index):
    """The mutation sets a family is written with: none, then a few.

    Which mutations a family gets turns with its index, so that every
    mutation meets many families; a few families get every mutation.
    """
    table = {0: MUTATIONS_0, 1: MUTATIONS_N, 2: MUTATIONS_2,
             3: MUTATIONS_3, 4: MUTATIONS_N}[task]
    family = item[0] if task in (1, 4) else item
    if task == 0:
        usable = [m for m in table if fits_0(family, m)]
    elif task in (1, 4):
        usable = [m for m in table
                  if (m != "yield0_each" or _has_loop_append(family))
                  and (m != "n_plus_1" or "recursive" not in family.flags)]
    else:
        usable = list(table)
    if ALONE in family.flags:
        return [[]]
    everything = task in (1, 4) and family.name in (
        "done_callback_await", "as_completed_tasks", "gather_sorted")
    if everything:
        picked = usable
    else:
        count = 1 if task in (1, 4) else 2
        picked = [usable[(index * 3 + k) % len(usable)]
                  for k in range(count)]
    choices = [[]] + [[m] for m in picked]
    if task in (1, 4) and index % 7 == 3:
        choices.append(["n_minus_1", "yield0"])
    return choices


def variants():
    """Every variant, in a fixed order: (id, subject, files, seed)."""
    made = families()
    lendable = {task: [item for item in made[task]
                       if ALONE not in flags(task, item)]
                for task in made}
    found = []
    for task in sorted(made):
        for index, item in enumerate(made[task]):
            for mutations in mutation_choices(task, item, index):
                found.append((task, item, mutations))
    result = []
    for number, (task, item, mutations) in enumerate(found):
        files = {}
        for other in sorted(FILES):
            if other == task:
                files[other] = (item, mutations)
            else:
                pool = lendable[other]
                files[other] = (pool[(number * 7 + other) % len(pool)], [])
        name = "%03d-t%d-%s%s" % (
            number, task, describe(task, item).replace("[", "-")
            .replace("]", ""), "".join("+" + m for m in mutations))
        result.append((name, task, files, 1000 + number))
    return result


def is_sample(number, task, files, count):
    """The variants the default (CI) run takes: about 40, spread out, with
    the known done-callback race always in."""
    item, mutations = files[task]
    if task == 1 and not mutations and \
            describe(task, item) == "done_callback_await[create_task]":
        return True
    if ALONE in flags(task, item):
        return False
    return number % max(1, count // 39) == 0


def write(folder):
    """Write every variant into ``folder``: a new or empty folder, or one
    holding an earlier corpus (which is replaced)."""
    if os.path.isdir(folder) and os.listdir(folder):
        if not os.path.exists(os.path.join(folder, "variants.json")):
            raise SystemExit("%s is not empty and holds no corpus" % folder)
        shutil.rmtree(folder)
    if not os.path.isdir(folder):
        os.makedirs(folder)
    every = variants()
    index = []
    for number, (name, task, files, seed) in enumerate(every):
        target = os.path.join(folder, name)
        os.makedirs(target)
        described = {}
        for other, (item, mutations) in sorted(files.items()):
            path = os.path.join(target, FILES[other] + ".py")
            with open(path, "w", newline="\n") as handle:
                handle.write(render(other, item, mutations))
            os.chmod(path, 0o755)
            described[FILES[other] + ".py"] = {
                "family": describe(other, item), "mutations": mutations}
        item, mutations = files[task]
        meta = {
            "id": name,
            "task": task,
            "family": describe(task, item),
            "mutations": mutations,
            "seed": seed,
            "sample": is_sample(number, task, files, len(every)),
            "files": described,
        }
        with open(os.path.join(target, "variant.json"), "w") as handle:
            json.dump(meta, handle, indent=1, sort_keys=True)
            handle.write("\n")
        with open(os.path.join(target, "README.md"), "w") as handle:
            handle.write("# Differential variant %s\n" % name)
        index.append(meta)
    with open(os.path.join(folder, "variants.json"), "w") as handle:
        json.dump(index, handle, indent=1, sort_keys=True)
        handle.write("\n")
    return len(every)


def main(argv):
    """Write the corpus into the folder named on the command line."""
    if len(argv) != 2:
        sys.stderr.write("usage: corpus.py FOLDER\n")
        return 2
    count = write(argv[1])
    print("%d variants written to %s" % (count, argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
