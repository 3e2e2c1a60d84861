#!/usr/bin/env python3
"""Run several wait_random coroutines concurrently and collect their delays."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Await one-second sleeps forever and never return the delays."""
    while True:
        await asyncio.sleep(1)
