#!/usr/bin/env python3
"""Basic async syntax: a coroutine that waits for a random delay."""
import asyncio
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay between 0 and max_delay seconds and return it.

    The delay is a float drawn with random.uniform, so both ends are included.
    """
    delay = random.uniform(max_delay, 0)
    await asyncio.sleep(delay)
    return delay
