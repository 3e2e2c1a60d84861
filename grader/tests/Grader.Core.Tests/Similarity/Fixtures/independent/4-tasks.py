#!/usr/bin/env python3
"""Collect the delays of n task_wait_random tasks as each one completes."""
import asyncio
from typing import List

task_wait_random = __import__('3-tasks').task_wait_random


async def task_wait_n(n: int, max_delay: int) -> List[float]:
    """Start n tasks at once and return their delays in finishing order.

    Each task puts itself in a queue when it is done, so reading the queue
    gives the delays in ascending order without sorting them.
    """
    arrivals: asyncio.Queue = asyncio.Queue()
    started = []
    for _ in range(n):
        task = task_wait_random(max_delay)
        task.add_done_callback(arrivals.put_nowait)
        started.append(task)
    return [(await arrivals.get()).result() for _ in started]
