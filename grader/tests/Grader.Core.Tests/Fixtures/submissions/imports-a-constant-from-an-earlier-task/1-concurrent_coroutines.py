#!/usr/bin/env python3
"""Run several wait_random coroutines concurrently and collect their delays."""
import asyncio
from typing import List

basic_async_syntax = __import__('0-basic_async_syntax')
wait_random = basic_async_syntax.wait_random
MAX_DELAY = basic_async_syntax.MAX_DELAY


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random n times concurrently and return all the delays.

    The delays are collected in the order the coroutines finish, which makes
    the list ascending without any sorting.
    """
    coroutines = [wait_random(max_delay) for _ in range(n)]
    delays = []
    for finished in asyncio.as_completed(coroutines):
        delays.append(await finished)
    return delays
