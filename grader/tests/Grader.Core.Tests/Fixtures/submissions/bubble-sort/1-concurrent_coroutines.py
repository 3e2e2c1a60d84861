#!/usr/bin/env python3
"""Run several wait_random coroutines concurrently and collect their delays."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Gather n wait_random calls, then bubble-sort the delays by hand."""
    delays = list(await asyncio.gather(
        *(wait_random(max_delay) for _ in range(n))))
    for end in range(len(delays) - 1, 0, -1):
        for i in range(end):
            if delays[i] > delays[i + 1]:
                delays[i], delays[i + 1] = delays[i + 1], delays[i]
    return delays
