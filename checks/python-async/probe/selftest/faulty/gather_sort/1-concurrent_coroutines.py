#!/usr/bin/env python3
"""Faulty: gathers the coroutines, then sorts the list."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Gather n wait_random coroutines and sort the delays."""
    delays = list(await asyncio.gather(
        *(wait_random(max_delay) for _ in range(n))))
    delays.sort()
    return delays
