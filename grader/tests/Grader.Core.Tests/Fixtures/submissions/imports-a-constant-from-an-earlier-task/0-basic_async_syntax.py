#!/usr/bin/env python3
"""Basic async syntax: a coroutine that waits for a random delay."""
import asyncio
import random


MAX_DELAY = 10


async def wait_random(max_delay: int = MAX_DELAY) -> float:
    """Wait for a random delay between 0 and max_delay seconds and return it.

    The delay is a float drawn with random.uniform, so both ends are included.
    """
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay
