#!/usr/bin/env python3
"""Task 1: run wait_random several times concurrently, collect the delays."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random(max_delay) n times concurrently and return the delays.

    The list must come out in ascending order without any sorting: collect the
    delays in the order the coroutines finish (see asyncio.as_completed).
    """
    return []
