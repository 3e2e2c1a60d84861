#!/usr/bin/env python3
"""Faulty: replaces asyncio.sleep with a no-op to finish at once."""
import asyncio
import random


async def _no_sleep(delay: float, result: object = None) -> object:
    """Return at once."""
    return result

asyncio.sleep = _no_sleep


async def wait_random(max_delay: int = 10) -> float:
    """Pretend to wait a random time and return it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay
