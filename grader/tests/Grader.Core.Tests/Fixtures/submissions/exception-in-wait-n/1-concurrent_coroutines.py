#!/usr/bin/env python3
"""Run several wait_random coroutines concurrently and collect their delays."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Refuse to run: raise ValueError instead of spawning wait_random."""
    raise ValueError('wait_n is not implemented yet')
