#!/usr/bin/env python3
"""Faulty: gathers the coroutines, then bubble-sorts by hand."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Gather n wait_random coroutines and bubble-sort the delays."""
    delays = list(await asyncio.gather(
        *(wait_random(max_delay) for _ in range(n))))
    for i in range(len(delays)):
        for j in range(len(delays) - 1 - i):
            if delays[j] > delays[j + 1]:
                delays[j], delays[j + 1] = delays[j + 1], delays[j]
    return delays
