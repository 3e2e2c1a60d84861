#!/usr/bin/env python3
"""Basic async syntax: a coroutine that waits for a random delay."""
import asyncio
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay between 0 and 10 seconds and return it.

    The upper bound is always 10 seconds, whatever max_delay says.
    """
    delay = random.uniform(0, 10)
    await asyncio.sleep(delay)
    return delay
