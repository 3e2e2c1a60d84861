#!/usr/bin/env python3
"""Run several wait_random coroutines concurrently and collect their delays."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Run wait_random n times, at most four at once, in completion order."""
    gate = asyncio.Semaphore(4)

    async def capped() -> float:
        """Run one wait_random once the gate lets it through."""
        async with gate:
            return await wait_random(max_delay)

    delays = []
    for finished in asyncio.as_completed([capped() for _ in range(n)]):
        delays.append(await finished)
    return delays
