#!/usr/bin/env python3
"""Run several wait_random coroutines concurrently and collect their delays."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Start n wait_random tasks; done callbacks append their delays.

    The tasks are then awaited in the order they were started.
    """
    delays = []
    tasks = []
    for _ in range(n):
        task = asyncio.ensure_future(wait_random(max_delay))
        task.add_done_callback(lambda done: delays.append(done.result()))
        tasks.append(task)
    for task in tasks:
        await task
    return delays
