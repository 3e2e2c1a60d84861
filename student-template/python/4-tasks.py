#!/usr/bin/env python3
"""Task 4: run task_wait_random several times and collect the delays."""
import asyncio
from typing import List

task_wait_random = __import__('3-tasks').task_wait_random


async def task_wait_n(n: int, max_delay: int) -> List[float]:
    """Create n task_wait_random(max_delay) tasks and return their delays.

    Start from your wait_n: the same code, except that the tasks come from
    task_wait_random. Keep the completion order; do not sort.
    """
    return []
