#!/usr/bin/env python3
"""Run several wait_random coroutines concurrently and collect their delays."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Gather n wait_random calls and return the delays sorted()."""
    delays = await asyncio.gather(
        *(wait_random(max_delay) for _ in range(n)))
    return sorted(delays)
