#!/usr/bin/env python3
"""Run several task_wait_random tasks concurrently and collect their delays."""
import asyncio
from typing import List

task_wait_random = __import__('3-tasks').task_wait_random


async def task_wait_n(n: int, max_delay: int) -> List[float]:
    """Create n task_wait_random tasks and return all the delays.

    The delays are collected in the order the tasks finish, which makes the
    list ascending without any sorting.
    """
    tasks = [task_wait_random(max_delay) for _ in range(n)]
    delays = []
    for finished in asyncio.as_completed(tasks):
        delays.append(await finished)
    return delays
