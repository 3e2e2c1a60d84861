#!/usr/bin/env python3
"""Run several wait_random coroutines concurrently and collect their delays."""
import asyncio
import bisect
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Insert each delay at its sorted place as its coroutine finishes."""
    coroutines = [wait_random(max_delay) for _ in range(n)]
    delays = []  # type: List[float]
    for finished in asyncio.as_completed(coroutines):
        bisect.insort(delays, await finished)
    return delays
