#!/usr/bin/env python3
"""Run several wait_random coroutines concurrently and collect their delays."""
import asyncio
import random
from typing import List


async def wait_random(max_delay: int = 10) -> float:
    """Wait a random delay: max_delay times one less random.random()."""
    delay = max_delay * (1 - random.random())
    await asyncio.sleep(delay)
    return delay


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Gather n wait_random calls and return the delays sorted()."""
    delays = await asyncio.gather(
        *(wait_random(max_delay) for _ in range(n)))
    return sorted(delays)
